package io.mirrorwatch.reconciler;

import io.mirrorwatch.common.cluster.ClusterConfig;
import io.mirrorwatch.common.config.ConfigException;
import io.mirrorwatch.reconciler.checks.offsets.Cutover;
import io.mirrorwatch.reconciler.checks.offsets.OffsetCheck;
import io.mirrorwatch.reconciler.checks.offsets.OffsetsOutcome;
import io.mirrorwatch.reconciler.config.ConfigLoader;
import io.mirrorwatch.reconciler.config.ReconcileConfig;
import io.mirrorwatch.reconciler.config.WindowOverrides;
import io.mirrorwatch.reconciler.finding.Finding;
import io.mirrorwatch.reconciler.finding.FindingKind;
import io.mirrorwatch.reconciler.report.ConsoleSummary;
import io.mirrorwatch.reconciler.report.FindingsFiles;
import io.mirrorwatch.reconciler.report.JobOutcome;
import io.mirrorwatch.reconciler.report.ProgressLine;
import io.mirrorwatch.reconciler.report.Report;
import io.mirrorwatch.reconciler.report.ReportWriter;
import io.mirrorwatch.reconciler.source.FailoverPositions;
import io.mirrorwatch.reconciler.source.FailoverPositionsReader;
import io.mirrorwatch.reconciler.source.DecodePlan;
import io.mirrorwatch.reconciler.source.KafkaMm2OffsetsLog;
import io.mirrorwatch.reconciler.source.Event;
import io.mirrorwatch.reconciler.source.KafkaRecordSource;
import io.mirrorwatch.reconciler.source.KafkaTopicCatalog;
import io.mirrorwatch.reconciler.source.Mm2OffsetsLog;
import io.mirrorwatch.reconciler.source.PhysicalTopic;
import io.mirrorwatch.reconciler.source.ReadStats;
import io.mirrorwatch.reconciler.source.TopicCatalog;
import io.mirrorwatch.reconciler.source.TopicPlan;
import io.mirrorwatch.reconciler.source.offsets.CheckpointLog;
import io.mirrorwatch.reconciler.source.offsets.CommitHistory;
import io.mirrorwatch.reconciler.source.offsets.CommitLog;
import io.mirrorwatch.reconciler.source.offsets.KafkaCheckpointLog;
import io.mirrorwatch.reconciler.source.offsets.KafkaCommitLog;
import io.mirrorwatch.reconciler.source.offsets.MirrorTopics;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Wiring only: load the spec, check which topics exist, run {@link ReconcileJob}, write the report.
 * Exit code 0: clean; 1: findings; 2: bad config, unreachable cluster or a failed job.
 *
 * <p>The job runs on an embedded MiniCluster under {@code java -jar}, started as soon as the config
 * is read ({@link JobCluster}), and on the cluster under {@code flink run}.
 */
@Command(
    name = "mirrorwatch-reconciler",
    mixinStandardHelpOptions = true,
    description = "Reconciles the failover -> failback window: duplicates, unprocessed and stranded events, "
        + "consumer offset moves, aggregate mismatches.")
public final class ReconcileMain implements Callable<Integer> {
  @Option(names = "--config", required = true, description = "the job spec (YAML)")
  Path config;

  @Option(names = "--from", converter = InstantConverter.class,
      description = "start of the window (ISO-8601), instead of window.failoverAt - margin")
  Instant from;

  @Option(names = "--to", converter = InstantConverter.class,
      description = "end of the window (ISO-8601), instead of window.failbackAt + margin")
  Instant to;

  @Option(names = "--out", defaultValue = "reconcile-report",
      description = "report directory (default: ${DEFAULT-VALUE})")
  Path out;

  @Option(names = "--parallelism", description = "Flink parallelism, instead of the spec's")
  Integer parallelism;

  /** As often as the running tasks report their counts. */
  static final Duration PROGRESS_EVERY = EmbeddedCluster.HEARTBEAT;

  private final PrintStream stdout;
  private final PrintStream stderr;
  private final TopicCatalog catalog;
  private final Mm2OffsetsLog mm2Offsets;
  private final CommitLog commitLog;
  private final CheckpointLog checkpointLog;

  ReconcileMain(PrintStream stdout, PrintStream stderr, TopicCatalog catalog) {
    this(stdout, stderr, catalog, new KafkaMm2OffsetsLog(), new KafkaCommitLog(), new KafkaCheckpointLog());
  }

  ReconcileMain(PrintStream stdout, PrintStream stderr, TopicCatalog catalog, Mm2OffsetsLog mm2Offsets,
      CommitLog commitLog, CheckpointLog checkpointLog) {
    this.stdout = stdout;
    this.stderr = stderr;
    this.catalog = catalog;
    this.mm2Offsets = mm2Offsets;
    this.commitLog = commitLog;
    this.checkpointLog = checkpointLog;
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the CLI and returns its exit code (for tests: no System.exit). */
  public static int run(String[] args, PrintStream stdout, PrintStream stderr) {
    return new CommandLine(new ReconcileMain(stdout, stderr, new KafkaTopicCatalog()))
        .setOut(new java.io.PrintWriter(stdout, true))
        .setErr(new java.io.PrintWriter(stderr, true))
        .execute(args);
  }

  @Override
  public Integer call() {
    ReconcileConfig cfg;
    try {
      cfg = ConfigLoader.load(
          config, new WindowOverrides(Optional.ofNullable(from), Optional.ofNullable(to)), System.getenv());
    } catch (ConfigException e) {
      stderr.println(e.getMessage());
      return Report.EXIT_ERROR;
    }
    try (Scratch scratch = Scratch.create()) {
      TopicPlan plan = TopicPlan.resolve(cfg);
      Optional<Integer> p = Optional.ofNullable(parallelism).or(cfg::parallelism);
      // Sized for every planned topic: a topic found missing below only leaves a slot unused.
      int sources = new KafkaRecordSource(cfg.clusters(), plan, cfg.window(), Set.of()).sources();
      try (JobCluster cluster = JobCluster.start(EmbeddedCluster.configuration(scratch.dir(), p, sources))) {
        return reconcile(cfg, plan, p, cluster.environment());
      }
    } catch (Exception e) {
      stderr.println("error: " + rootMessage(e));
      return Report.EXIT_ERROR;
    }
  }

  /** Everything after the config: runs while the embedded cluster (if any) is still starting. */
  private int reconcile(ReconcileConfig cfg, TopicPlan plan, Optional<Integer> p, StreamExecutionEnvironment env)
      throws Exception {
    Map<String, Set<String>> existing = existingTopics(cfg);
    Set<String> missing = missingTopics(plan, existing);
    Optional<FailoverPositions> cutover = new FailoverPositionsReader(mm2Offsets, stderr::println).read(cfg, existing.get(cfg.dr().alias()));
    KafkaRecordSource source = new KafkaRecordSource(cfg.clusters(), plan, cfg.window(), missing);
    ReconcileJob.configure(env, p);
    stderr.println("reading " + plan.topics().size() + " topics on " + cfg.primary().alias() + " and "
        + cfg.dr().alias() + ", window " + cfg.window().from() + " .. " + cfg.window().to());
    Optional<OffsetCheck> offsetCheck = offsetCheck(cfg, plan);
    JobOutcome outcome;
    OffsetsOutcome offsets;
    Map<FindingKind, Long> counts;
    Map<FindingKind, List<Finding>> samples;
    try (FindingsFiles files = new FindingsFiles(out, Report.checkedKinds(cfg))) {
      DecodePlan decode = DecodePlan.of(plan, cfg, cutover)
          .withAnchors(offsetCheck.map(OffsetCheck::anchors).orElse(Set.of()));
      List<Event> anchored = new ArrayList<>();
      ProgressPrinter progress = new ProgressPrinter(plan);
      outcome = new ReconcileJob(decode, source, files, anchored::add)
          .withProgress(PROGRESS_EVERY, progress::print)
          .run(env);
      progress.print(new JobProgress.Snapshot(outcome.read(), outcome.events() + outcome.downstreamOnly()));
      offsets = offsetCheck.map(o -> o.evaluate(anchored))
          .orElseGet(() -> OffsetsOutcome.notRun("no consumer groups configured (groups:)"));
      offsets.findings().forEach(files::accept);
      counts = files.counts();
      samples = files.samples();
    }
    Report report = new Report(Instant.now(), cfg, plan, missing, outcome, counts, cutover, offsets);
    ReportWriter.write(out, report, samples);
    stdout.println(ConsoleSummary.render(report, out.toAbsolutePath()));
    return report.exitCode();
  }

  /** Prints a {@link ProgressLine} to stderr for each new snapshot. */
  private final class ProgressPrinter {
    private final TopicPlan plan;
    private final long start = System.nanoTime();
    private ReadStats before = new ReadStats();
    private long beforeNanos = start;

    ProgressPrinter(TopicPlan plan) {
      this.plan = plan;
    }

    synchronized void print(JobProgress.Snapshot now) {
      long t = System.nanoTime();
      stderr.println(ProgressLine.render(plan.topics(), now.read(), before, now.judged(),
          Duration.ofNanos(t - start), Duration.ofNanos(t - beforeNanos).truncatedTo(ChronoUnit.MILLIS)));
      before = now.read();
      beforeNanos = t;
    }
  }

  /**
   * The groups' commit histories and MM2's checkpoints are metadata, small next to the data, so the
   * CLI reads them before the job (each topic bounded by the spec's deadline) and hands the job only
   * the anchors.
   */
  private Optional<OffsetCheck> offsetCheck(ReconcileConfig cfg, TopicPlan plan) {
    if (cfg.groups().isEmpty()) {
      return Optional.empty();
    }
    Map<String, CommitHistory> histories = new HashMap<>();
    Map<Cutover.Kind, CheckpointLog.Checkpoints> checkpoints = new HashMap<>();
    List<Cutover> cutovers = Cutover.of(cfg);
    if (!cutovers.isEmpty()) {
      Set<String> groups = new HashSet<>(cfg.groups());
      for (ClusterConfig c : cfg.clusters()) {
        stderr.println("reading the commit history of " + groups.size() + " groups on " + c.alias());
        histories.put(c.alias(), commitLog.read(c, groups, cfg.deadline()));
      }
      MirrorTopics mirrors = new MirrorTopics(cfg.replication());
      for (Cutover cut : cutovers) {
        ClusterConfig target = cut.newCluster().equals(cfg.primary().alias()) ? cfg.primary() : cfg.dr();
        checkpoints.put(cut.kind(),
            checkpointLog.read(target, mirrors.checkpointsTopic(cut.oldCluster()), groups, cfg.deadline()));
      }
    }
    return Optional.of(OffsetCheck.of(cfg, plan, histories, checkpoints));
  }

  private Map<String, Set<String>> existingTopics(ReconcileConfig cfg) {
    Map<String, Set<String>> existing = new HashMap<>();
    cfg.clusters().forEach(c -> existing.put(c.alias(), catalog.topics(c, cfg.deadline())));
    return existing;
  }

  private static Set<String> missingTopics(TopicPlan plan, Map<String, Set<String>> existing) {
    Set<String> missing = new TreeSet<>();
    for (PhysicalTopic t : plan.topics()) {
      if (!existing.get(t.cluster()).contains(t.topic())) {
        missing.add(t.label());
      }
    }
    return missing;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
      if (t.getMessage() != null && !sb.toString().contains(t.getMessage())) {
        sb.append(": ").append(t.getMessage());
      }
    }
    return sb.toString();
  }

  /** ISO-8601 with an offset: {@code 2025-03-01T10:15:00Z}, {@code 2025-03-01T11:15:00+01:00}. */
  static final class InstantConverter implements CommandLine.ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      return OffsetDateTime.parse(value).toInstant();
    }
  }
}
