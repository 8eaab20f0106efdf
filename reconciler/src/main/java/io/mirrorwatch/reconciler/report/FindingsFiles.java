package io.mirrorwatch.reconciler.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrorwatch.reconciler.finding.Finding;
import io.mirrorwatch.reconciler.finding.FindingKind;
import io.mirrorwatch.reconciler.finding.RecordRef;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The production {@link FindingSink}: streams each finding as one JSON line to {@code
 * findings/<kind>.jsonl} as it arrives, and counts them; only the first {@link
 * ReportHtml#SHOWN_PER_KIND} of each kind are kept in memory, for {@code report.html}. The file of
 * every checked kind is created, empty when clean, so its presence says the check ran.
 */
public final class FindingsFiles implements FindingSink, AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private final Map<FindingKind, BufferedWriter> writers = new EnumMap<>(FindingKind.class);
  private final Map<FindingKind, Long> counts = new EnumMap<>(FindingKind.class);
  private final Map<FindingKind, List<Finding>> samples = new EnumMap<>(FindingKind.class);

  /** Files for every kind. */
  public FindingsFiles(Path reportDir) {
    this(reportDir, EnumSet.allOf(FindingKind.class));
  }

  /** Files for the kinds checked; a finding of another kind is a bug and fails loudly. */
  public FindingsFiles(Path reportDir, Set<FindingKind> checked) {
    this.dir = reportDir.resolve("findings");
    try {
      Files.createDirectories(dir);
      for (FindingKind k : checked) {
        writers.put(k, Files.newBufferedWriter(file(k), StandardCharsets.UTF_8));
        counts.put(k, 0L);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write findings to " + dir, e);
    }
  }

  /** The file of {@code kind}, relative to the report directory. */
  public static String relativeFile(FindingKind kind) {
    return "findings/" + kind.id() + ".jsonl";
  }

  private Path file(FindingKind kind) {
    return dir.resolve(kind.id() + ".jsonl");
  }

  @Override
  public void accept(Finding f) {
    try {
      BufferedWriter w = writers.get(f.kind());
      if (w == null) {
        throw new IllegalStateException(
            "a " + f.kind().id() + " finding, but that kind was not checked");
      }
      w.write(JSON.writeValueAsString(toJson(f)));
      w.newLine();
      counts.merge(f.kind(), 1L, Long::sum);
      List<Finding> sample = samples.computeIfAbsent(f.kind(), k -> new ArrayList<>());
      if (sample.size() < ReportHtml.SHOWN_PER_KIND) {
        sample.add(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file(f.kind()), e);
    }
  }

  public Map<FindingKind, Long> counts() {
    return Map.copyOf(counts);
  }

  /** The first {@link ReportHtml#SHOWN_PER_KIND} findings of each kind. */
  public Map<FindingKind, List<Finding>> samples() {
    Map<FindingKind, List<Finding>> copy = new EnumMap<>(FindingKind.class);
    samples.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    return copy;
  }

  /** The JSON form of a finding, as documented in docs/report.md. */
  public static ObjectNode toJson(Finding f) {
    ObjectNode n = JSON.createObjectNode();
    n.put("kind", f.kind().id());
    n.put("eventId", f.eventId());
    n.put("count", f.count());
    n.put("detail", f.detail());
    ArrayNode records = n.putArray("records");
    for (RecordRef r : f.records()) {
      ObjectNode o = records.addObject();
      o.put("role", r.role().name().toLowerCase(Locale.ROOT));
      o.put("cluster", r.cluster());
      o.put("topic", r.topic());
      o.put("partition", r.partition());
      o.put("offset", r.offset());
      o.put("timestamp", Instant.ofEpochMilli(r.timestamp()).toString());
      o.put("timestampMs", r.timestamp());
      o.put("origin", r.origin().name().toLowerCase(Locale.ROOT));
    }
    f.aggregateTotals().ifPresent(b -> n.set("aggregate", ReportJson.bucket(b)));
    return n;
  }

  @Override
  public void close() {
    UncheckedIOException first = null;
    for (BufferedWriter w : writers.values()) {
      try {
        w.close();
      } catch (IOException e) {
        first = first == null ? new UncheckedIOException("cannot close a findings file", e) : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
