package io.mirrorwatch.reconciler;

import io.mirrorwatch.common.cluster.ClusterConfig;
import io.mirrorwatch.reconciler.checks.offsets.Cutover;
import io.mirrorwatch.reconciler.checks.offsets.OffsetCheck;
import io.mirrorwatch.reconciler.checks.offsets.OffsetsOutcome;
import io.mirrorwatch.reconciler.config.ReconcileConfig;
import io.mirrorwatch.reconciler.finding.Finding;
import io.mirrorwatch.reconciler.finding.FindingKind;
import io.mirrorwatch.reconciler.report.FindingsFiles;
import io.mirrorwatch.reconciler.report.JobOutcome;
import io.mirrorwatch.reconciler.report.ProgressLine;
import io.mirrorwatch.reconciler.report.Report;
import io.mirrorwatch.reconciler.report.ReportWriter;
import io.mirrorwatch.reconciler.source.DecodePlan;
import io.mirrorwatch.reconciler.source.Event;
import io.mirrorwatch.reconciler.source.FailoverPositions;
import io.mirrorwatch.reconciler.source.FailoverPositionsReader;
import io.mirrorwatch.reconciler.source.Mm2OffsetsLog;
import io.mirrorwatch.reconciler.source.PhysicalTopic;
import io.mirrorwatch.reconciler.source.ReadStats;
import io.mirrorwatch.reconciler.source.RecordSource;
import io.mirrorwatch.reconciler.source.TopicCatalog;
import io.mirrorwatch.reconciler.source.TopicPlan;
import io.mirrorwatch.reconciler.source.offsets.CheckpointLog;
import io.mirrorwatch.reconciler.source.offsets.CommitHistory;
import io.mirrorwatch.reconciler.source.offsets.CommitLog;
import io.mirrorwatch.reconciler.source.offsets.MirrorTopics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * One reconciliation of a validated spec: check which planned topics exist, read MM2's positions at
 * the failover and the groups' commit histories and checkpoints, run the job, evaluate the offset
 * checks on the anchored records, write the findings files and the report. Every input and output
 * is a port given to the constructor, so this runs with fakes in tests; the CLI ({@link
 * ReconcileMain}) only wires it and maps its result to an exit code.
 *
 * <p>The metadata (topic lists, MM2's offsets, commit histories, checkpoints) is small next to the
 * data, so it is read here before the job, each read bounded by the spec's deadline, and the job is
 * handed only the anchors. An exception from any port ends the run; the report is then not written.
 */
public final class Reconciliation {
  /** The job's records: every planned topic but the missing ones. */
  @FunctionalInterface
  public interface Records {
    /**
     * @param missing labels ({@link PhysicalTopic#label()}) of planned topics that do not exist
     */
    RecordSource of(ReconcileConfig cfg, TopicPlan plan, Set<String> missing);
  }

  private final TopicCatalog catalog;
  private final Mm2OffsetsLog mm2Offsets;
  private final CommitLog commitLog;
  private final CheckpointLog checkpointLog;
  private final Records records;
  private final JobRunner job;
  private final Path out;
  private final Consumer<String> progress;
  private final Clock clock;

  /**
   * @param out the report directory: {@code findings/*.jsonl}, {@code report.json}, {@code
   *     report.html}
   * @param progress one line at a time, what the run is doing and warnings (stderr in the CLI)
   * @param clock the report's {@code generatedAt} and the progress lines' elapsed times
   */
  public Reconciliation(
      TopicCatalog catalog,
      Mm2OffsetsLog mm2Offsets,
      CommitLog commitLog,
      CheckpointLog checkpointLog,
      Records records,
      JobRunner job,
      Path out,
      Consumer<String> progress,
      Clock clock) {
    this.catalog = catalog;
    this.mm2Offsets = mm2Offsets;
    this.commitLog = commitLog;
    this.checkpointLog = checkpointLog;
    this.records = records;
    this.job = job;
    this.out = out;
    this.progress = progress;
    this.clock = clock;
  }

  /** Runs it and returns the report it wrote ({@link Report#exitCode()} says clean or not). */
  public Report run(ReconcileConfig cfg, TopicPlan plan) throws Exception {
    Map<String, Set<String>> existing = existingTopics(cfg);
    Set<String> missing = missingTopics(plan, existing);
    Optional<FailoverPositions> cutover =
        new FailoverPositionsReader(mm2Offsets, progress).read(cfg, existing.get(cfg.dr().alias()));
    RecordSource source = records.of(cfg, plan, missing);
    progress.accept(
        "reading "
            + plan.topics().size()
            + " topics on "
            + cfg.primary().alias()
            + " and "
            + cfg.dr().alias()
            + ", window "
            + cfg.window().from()
            + " .. "
            + cfg.window().to());
    Optional<OffsetCheck> offsetCheck = offsetCheck(cfg, plan);
    JobOutcome outcome;
    OffsetsOutcome offsets;
    Map<FindingKind, Long> counts;
    Map<FindingKind, List<Finding>> samples;
    try (FindingsFiles files = new FindingsFiles(out, Report.checkedKinds(cfg))) {
      DecodePlan decode =
          DecodePlan.of(plan, cfg, cutover)
              .withAnchors(offsetCheck.map(OffsetCheck::anchors).orElse(Set.of()));
      List<Event> anchored = new ArrayList<>();
      ProgressPrinter printer = new ProgressPrinter(plan);
      outcome = job.run(decode, source, files, anchored::add, printer::print);
      printer.print(
          new JobProgress.Snapshot(outcome.read(), outcome.events() + outcome.downstreamOnly()));
      offsets =
          offsetCheck
              .map(o -> o.evaluate(anchored))
              .orElseGet(() -> OffsetsOutcome.notRun("no consumer groups configured (groups:)"));
      offsets.findings().forEach(files::accept);
      counts = files.counts();
      samples = files.samples();
    }
    Report report =
        new Report(clock.instant(), cfg, plan, missing, outcome, counts, cutover, offsets);
    ReportWriter.write(out, report, samples);
    return report;
  }

  /** Hands a {@link ProgressLine} to the progress sink for each new snapshot. */
  private final class ProgressPrinter {
    private final TopicPlan plan;
    private final Instant start = clock.instant();
    private ReadStats before = new ReadStats();
    private Instant beforeAt = start;

    ProgressPrinter(TopicPlan plan) {
      this.plan = plan;
    }

    synchronized void print(JobProgress.Snapshot now) {
      Instant at = clock.instant();
      progress.accept(
          ProgressLine.render(
              plan.topics(),
              now.read(),
              before,
              now.judged(),
              Duration.between(start, at),
              Duration.between(beforeAt, at).truncatedTo(ChronoUnit.MILLIS)));
      before = now.read();
      beforeAt = at;
    }
  }

  /**
   * The groups' commit histories on both clusters, and MM2's checkpoints on each cutover's new
   * cluster.
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
        progress.accept(
            "reading the commit history of " + groups.size() + " groups on " + c.alias());
        histories.put(c.alias(), commitLog.read(c, groups, cfg.deadline()));
      }
      MirrorTopics mirrors = new MirrorTopics(cfg.replication());
      for (Cutover cut : cutovers) {
        ClusterConfig target =
            cut.newCluster().equals(cfg.primary().alias()) ? cfg.primary() : cfg.dr();
        checkpoints.put(
            cut.kind(),
            checkpointLog.read(
                target, mirrors.checkpointsTopic(cut.oldCluster()), groups, cfg.deadline()));
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
}
