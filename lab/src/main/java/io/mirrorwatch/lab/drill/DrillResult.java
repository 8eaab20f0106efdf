package io.mirrorwatch.lab.drill;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mirrorwatch.lab.workload.ProcessedEvent;
import io.mirrorwatch.lab.workload.ProducedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The ground truth of one failover -> failback drill: both cutover timestamps, every acknowledged
 * produce, every delivery to the consumer group, and the offsets the group was moved to at each
 * cutover. The reconciler's findings are checked against this.
 *
 * @param failoverAt when producers were repointed to dr (the failover cutover)
 * @param failbackAt when producers were repointed back to primary (the failback cutover)
 * @param failoverOffsets group offsets committed on dr at failover (topic-partition -> offset)
 * @param failbackOffsets group offsets committed on primary at failback
 */
public record DrillResult(
    String policy,
    Instant failoverAt,
    Instant failbackAt,
    Map<String, Long> failoverOffsets,
    Map<String, Long> failbackOffsets,
    List<ProducedEvent> produced,
    List<ProcessedEvent> deliveries,
    long failedSends) {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .findAndRegisterModules()
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  public List<ProcessedEvent> processed() {
    return deliveries.stream().filter(ProcessedEvent::processed).toList();
  }

  public void writeTo(Path file) {
    try {
      JSON.writeValue(
          file.toFile(),
          new Written(
              policy,
              failoverAt.toString(),
              failbackAt.toString(),
              failoverOffsets,
              failbackOffsets,
              produced,
              deliveries,
              failedSends));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Timestamps as ISO-8601 text, so the file needs no Java time module to be read. */
  private record Written(
      String policy,
      String failoverAt,
      String failbackAt,
      Map<String, Long> failoverOffsets,
      Map<String, Long> failbackOffsets,
      List<ProducedEvent> produced,
      List<ProcessedEvent> deliveries,
      long failedSends) {}
}
