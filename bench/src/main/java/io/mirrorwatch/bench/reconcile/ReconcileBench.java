package io.mirrorwatch.bench.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mirrorwatch.bench.Stats;
import io.mirrorwatch.common.replication.PolicyKind;
import io.mirrorwatch.lab.Lab;
import io.mirrorwatch.lab.LabSpec;
import io.mirrorwatch.lab.cluster.KafkaCluster;
import io.mirrorwatch.lab.process.ChildClasspath;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Issue 4's benchmark: a window of about 10 million records (the dataset's three topics),
 * reconciled end to end, side by side in one run with the raw read rate of plain consumers (the
 * limit), a naive single-JVM HashMap of every event ID, and a Flink job that only reads the same
 * topics (Flink's own read limit). Every contender is a child JVM timed from spawn to exit, with
 * its peak RSS.
 *
 * <p>Run from the repository root after {@code ./mvnw -B -q -pl bench -am package -DskipTests}:
 * {@code java -Djava.io.tmpdir=/dev/shm -cp "$(cat bench/target/classpath.txt)"
 * io.mirrorwatch.bench.reconcile.ReconcileBench [--events 3333334] [--partitions 6] [--runs 3]
 * [--heap 1g] [--naive-heap 4g] [--contenders raw,naive,flink-read-only,reconciler] [--hold
 * SECONDS]}; {@code -Dbench.jvm="OPTIONS"} gives every contender the same extra JVM options; a
 * partial set of contenders (for tuning) prints their medians only; {@code --hold} keeps the lab
 * and the window for that long instead, and prints the reconciler's command line to run by hand.
 */
public final class ReconcileBench {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReconcileBench() {}

  static final List<String> CONTENDERS = List.of("raw", "naive", "flink-read-only", "reconciler");

  public static void main(String[] args) throws Exception {
    Map<String, String> o = options(args);
    long events = Long.parseLong(o.getOrDefault("events", "3333334"));
    int partitions = Integer.parseInt(o.getOrDefault("partitions", "6"));
    int runs = Integer.parseInt(o.getOrDefault("runs", "3"));
    String heap = o.getOrDefault("heap", "1g");
    String naiveHeap = o.getOrDefault("naive-heap", "4g");
    Set<String> contenders =
        Set.of(o.getOrDefault("contenders", String.join(",", CONTENDERS)).split(","));
    Path reconcilerJar = Path.of("reconciler/target/mirrorwatch-reconciler.jar").toAbsolutePath();
    if (!Files.exists(reconcilerJar)) {
      throw new IllegalStateException(
          reconcilerJar
              + " not found: run from the repository root after "
              + "./mvnw -B -q -pl bench -am package -DskipTests");
    }
    if (System.getProperty(KafkaCluster.BROKER_HEAP_PROPERTY) == null) {
      System.setProperty(KafkaCluster.BROKER_HEAP_PROPERTY, "1g");
    }
    String classpath = System.getProperty("java.class.path");
    if (System.getProperty(ChildClasspath.PROPERTY) == null) {
      Arrays.stream(classpath.split(File.pathSeparator))
          .filter(e -> e.endsWith("mirrorwatch-lab.jar"))
          .findFirst()
          .ifPresent(jar -> System.setProperty(ChildClasspath.PROPERTY, jar));
    }
    String benchClasses =
        Arrays.stream(classpath.split(File.pathSeparator))
            .filter(e -> e.endsWith("classes"))
            .findFirst()
            .orElseThrow();
    System.out.printf(
        "machine: %d cores, %s %s; load average at start: %s%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"),
        load());
    System.out.println(
        "JVM options for every contender: " + System.getProperty("bench.jvm", "(none)"));

    try (Lab lab = Lab.start(new LabSpec(PolicyKind.DEFAULT, partitions, false))) {
      Dataset data = new Dataset(events, partitions, System.currentTimeMillis() - 3_600_000);
      long t0 = System.nanoTime();
      data.write(lab.primary(), lab.dr());
      double writeS = Stats.seconds(System.nanoTime() - t0);
      System.out.printf(
          "dataset: %,d events, %,d records in %d partitions per topic, written in %.1f s%n",
          events, data.records(), partitions, writeS);

      Path work = Files.createTempDirectory("mirrorwatch-reconcile-bench-");
      try {
        measure(
            lab,
            data,
            work,
            events,
            runs,
            heap,
            naiveHeap,
            reconcilerJar,
            classpath,
            benchClasses,
            contenders,
            Duration.ofSeconds(Long.parseLong(o.getOrDefault("hold", "0"))));
      } finally {
        Lab.deleteTree(work);
      }
    }
  }

  private static void measure(
      Lab lab,
      Dataset data,
      Path work,
      long events,
      int runs,
      String heap,
      String naiveHeap,
      Path reconcilerJar,
      String classpath,
      String benchClasses,
      Set<String> contenders,
      Duration hold)
      throws Exception {
    String from = Instant.ofEpochMilli(data.base - 60_000).toString();
    String to = Instant.ofEpochMilli(data.lastTimestamp() + 60_000).toString();
    Path spec = work.resolve("reconcile.yaml");
    Files.writeString(
        spec,
        """
        clusters:
          primary: {bootstrap.servers: "%s"}
          dr: {bootstrap.servers: "%s"}
        replication: {policy: default}
        eventId: {from: header, name: event-id}
        streams: [orders]
        downstream: [orders-processed]
        parallelism: %d
        """
            .formatted(
                lab.primary().bootstrapServers(),
                lab.dr().bootstrapServers(),
                Runtime.getRuntime().availableProcessors()));
    String p = lab.primary().bootstrapServers();
    String d = lab.dr().bootstrapServers();
    // -Dbench.jvm="..." gives every contender the same JVM options (e.g. JIT thresholds).
    List<String> common = jvmOptions("bench.jvm");
    List<String> tmp = concat(common, "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
    if (!hold.isZero()) {
      System.out.printf(
          "holding the lab for %d s; the reconciler on this window:%n  java %s -Xmx%s -jar %s "
              + "--config %s --from %s --to %s --out %s%n",
          hold.toSeconds(),
          String.join(" ", tmp),
          heap,
          reconcilerJar,
          spec,
          from,
          to,
          work.resolve("report"));
      Thread.sleep(hold.toMillis());
      return;
    }

    Map<String, List<Measured.Run>> all = new LinkedHashMap<>();
    for (int r = 1; r <= runs; r++) {
      if (contenders.contains("raw")) {
        record(
            all,
            Measured.run(
                "raw-" + r,
                Measured.java(
                    concat(common, "-Xmx" + heap), "-cp", classpath, RawRead.class.getName(), p, d),
                work),
            data.records());
      }
      if (contenders.contains("naive")) {
        record(
            all,
            Measured.run(
                "naive-" + r,
                Measured.java(
                    concat(common, "-Xmx" + naiveHeap),
                    "-cp",
                    classpath,
                    NaiveHashMap.class.getName(),
                    p,
                    d),
                work),
            data.records());
      }
      if (contenders.contains("flink-read-only")) {
        record(
            all,
            Measured.run(
                "flink-read-only-" + r,
                Measured.java(
                    concat(tmp, "-Xmx" + heap),
                    "-cp",
                    reconcilerJar + File.pathSeparator + benchClasses,
                    FlinkReadOnly.class.getName(),
                    spec.toString(),
                    from,
                    to),
                work),
            data.records());
      }
      if (contenders.contains("reconciler")) {
        Path out = work.resolve("report-" + r);
        List<String> recJvm = new ArrayList<>(concat(tmp, "-Xmx" + heap));
        // e.g.
        // -Dbench.reconciler.jvm=-XX:StartFlightRecording=filename=/tmp/rec.jfr,dumponexit=true
        recJvm.addAll(jvmOptions("bench.reconciler.jvm"));
        Measured.Run rec =
            Measured.run(
                "reconciler-" + r,
                Measured.java(
                    recJvm,
                    "-jar",
                    reconcilerJar.toString(),
                    "--config",
                    spec.toString(),
                    "--from",
                    from,
                    "--to",
                    to,
                    "--out",
                    out.toString()),
                work);
        requireCleanReport(rec, out, events);
        all.computeIfAbsent("reconciler", k -> new ArrayList<>()).add(rec);
      }
      System.out.printf("round %d done; load average %s%n", r, load());
    }
    if (!contenders.containsAll(CONTENDERS)) {
      all.forEach(
          (name, rs) ->
              System.out.printf(
                  "%-20s median %.2f s, %,.0f records/s%n",
                  name,
                  Stats.of(rs.stream().map(Measured.Run::seconds).toList()).median(),
                  data.records()
                      / Stats.of(rs.stream().map(Measured.Run::seconds).toList()).median()));
      return; // a partial run (while tuning) has no ratios to report
    }
    Measured.Run naiveSmall =
        Measured.run(
            "naive-" + heap,
            Measured.java(
                concat(common, "-Xmx" + heap),
                "-cp",
                classpath,
                NaiveHashMap.class.getName(),
                p,
                d),
            work);
    report(all, data.records(), heap, naiveHeap, naiveSmall);
  }

  private static void record(Map<String, List<Measured.Run>> all, Measured.Run run, long expected) {
    if (run.exitCode() != 0 || run.records().orElse(-1) != expected) {
      throw new IllegalStateException(
          run.name()
              + " exited "
              + run.exitCode()
              + " having read "
              + run.records()
              + " of "
              + expected
              + " records:\n"
              + run.tails());
    }
    all.computeIfAbsent(
            run.name().substring(0, run.name().lastIndexOf('-')), k -> new ArrayList<>())
        .add(run);
  }

  /** The reconciler must have judged every event and found nothing: the dataset is clean. */
  private static void requireCleanReport(Measured.Run run, Path out, long events) throws Exception {
    if (run.exitCode() != 0) {
      throw new IllegalStateException("reconciler exited " + run.exitCode() + ":\n" + run.tails());
    }
    JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
    long judged = report.at("/sourceOfTruth/events").asLong();
    if (judged != events || report.at("/findings/total").asLong() != 0) {
      throw new IllegalStateException(
          "reconciler judged "
              + judged
              + " of "
              + events
              + " events, findings "
              + report.at("/findings/total"));
    }
  }

  private static void report(
      Map<String, List<Measured.Run>> all,
      long records,
      String heap,
      String naiveHeap,
      Measured.Run naiveSmall) {
    System.out.printf(
        "%n%-34s %9s %9s %9s %12s %10s%n",
        "contender", "median s", "min s", "max s", "records/s", "peak RSS");
    Map<String, Double> rate = new LinkedHashMap<>();
    all.forEach(
        (name, runs) -> {
          Stats s = Stats.of(runs.stream().map(Measured.Run::seconds).toList());
          double peak =
              runs.stream().mapToLong(Measured.Run::peakRssBytes).max().orElse(0) / 1048576.0;
          rate.put(name, records / s.median());
          String label =
              name
                  + switch (name) {
                    case "naive" -> " (-Xmx" + naiveHeap + ")";
                    case "raw" -> "";
                    default -> " (-Xmx" + heap + ")";
                  };
          System.out.printf(
              "%-34s %9.2f %9.2f %9.2f %,12.0f %7.0f MB%n",
              label, s.median(), s.min(), s.max(), rate.get(name), peak);
        });
    System.out.printf(
        "naive HashMap with -Xmx%s: exit %d in %.1f s%s%n",
        heap,
        naiveSmall.exitCode(),
        naiveSmall.seconds(),
        naiveSmall.exitCode() == 0 ? "" : " (" + firstError(naiveSmall) + ")");
    double rec = rate.get("reconciler");
    System.out.printf(
        "ratios (records/s, medians): reconciler/raw %.2f, reconciler/naive %.2f (target >= 1), "
            + "reconciler/flink-read-only %.2f (target >= 0.5)%n",
        rec / rate.get("raw"), rec / rate.get("naive"), rec / rate.get("flink-read-only"));
    System.out.println("load average at end: " + load());
  }

  private static String firstError(Measured.Run run) {
    try {
      return Files.readAllLines(run.err()).stream()
          .filter(l -> l.contains("Error") || l.contains("Exception"))
          .findFirst()
          .orElse("see " + run.err());
    } catch (Exception e) {
      return "see " + run.err();
    }
  }

  /** The JVM options in system property {@code name}, separated by spaces; none if it is unset. */
  private static List<String> jvmOptions(String name) {
    return Arrays.stream(System.getProperty(name, "").split(" "))
        .filter(a -> !a.isBlank())
        .toList();
  }

  private static List<String> concat(List<String> a, String b) {
    List<String> l = new ArrayList<>(a);
    l.add(b);
    return l;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> o = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + args[i]);
      }
      o.put(args[i].substring(2), args[i + 1]);
    }
    return o;
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (Exception e) {
      return "unknown";
    }
  }
}
