package io.mirrorwatch.bench.reconcile;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * What a user might write instead: one JVM, one thread, every event ID in a {@code HashMap} with
 * how often it was seen as an original, an MM2 copy and a downstream record; then duplicates and
 * unprocessed events counted from the map. Prints {@code RESULT records=N events=E findings=F}.
 * Arguments: primary bootstrap, dr bootstrap.
 */
public final class NaiveHashMap {
  private NaiveHashMap() {}

  public static void main(String[] args) {
    Map<String, int[]> seen = new HashMap<>();
    long records =
        TopicScan.scan(args[0], List.of(Dataset.ORDERS), r -> count(seen, r, 0))
            + TopicScan.scan(args[1], List.of(Dataset.REPLICA), r -> count(seen, r, 1))
            + TopicScan.scan(args[0], List.of(Dataset.PROCESSED), r -> count(seen, r, 2));
    long findings = 0;
    for (int[] c : seen.values()) {
      findings +=
          (c[0] > 1 ? 1 : 0)
              + (c[1] > c[0] ? 1 : 0)
              + (c[2] > 1 ? 1 : 0)
              + (c[0] > 0 && c[2] == 0 ? 1 : 0);
    }
    System.out.println(
        "RESULT records=" + records + " events=" + seen.size() + " findings=" + findings);
  }

  private static void count(Map<String, int[]> seen, ConsumerRecord<byte[], byte[]> r, int kind) {
    Header h = r.headers().lastHeader(Dataset.HEADER);
    if (h != null) {
      seen.computeIfAbsent(new String(h.value(), UTF_8), k -> new int[3])[kind]++;
    }
  }
}
