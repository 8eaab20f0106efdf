package io.mirrorwatch.reconciler;

import io.mirrorwatch.common.config.ConfigException;
import io.mirrorwatch.reconciler.config.ConfigLoader;
import io.mirrorwatch.reconciler.config.ReconcileConfig;
import io.mirrorwatch.reconciler.config.WindowOverrides;
import io.mirrorwatch.reconciler.report.ConsoleSummary;
import io.mirrorwatch.reconciler.report.Report;
import io.mirrorwatch.reconciler.source.KafkaMm2OffsetsLog;
import io.mirrorwatch.reconciler.source.KafkaRecordSource;
import io.mirrorwatch.reconciler.source.KafkaTopicCatalog;
import io.mirrorwatch.reconciler.source.TopicPlan;
import io.mirrorwatch.reconciler.source.offsets.KafkaCheckpointLog;
import io.mirrorwatch.reconciler.source.offsets.KafkaCommitLog;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The CLI, wiring only: parse the flags, load the spec, start where the job runs, hand the rest to
 * a {@link Reconciliation} over Kafka, print its summary. Exit code 0: clean; 1: findings; 2: bad
 * config, unreachable cluster or a failed job, with one line on stderr and no stack trace.
 *
 * <p>The job runs on an embedded MiniCluster under {@code java -jar}, started as soon as the config
 * is read ({@link JobCluster}), and on the cluster under {@code flink run}.
 */
@Command(
    name = "mirrorwatch-reconciler",
    mixinStandardHelpOptions = true,
    description =
        "Reconciles the failover -> failback window: duplicates, unprocessed and stranded events, "
            + "consumer offset moves, aggregate mismatches.")
public final class ReconcileMain implements Callable<Integer> {
  @Option(names = "--config", required = true, description = "the job spec (YAML)")
  Path config;

  @Option(
      names = "--from",
      converter = InstantConverter.class,
      description = "start of the window (ISO-8601), instead of window.failoverAt - margin")
  Instant from;

  @Option(
      names = "--to",
      converter = InstantConverter.class,
      description = "end of the window (ISO-8601), instead of window.failbackAt + margin")
  Instant to;

  @Option(
      names = "--out",
      defaultValue = "reconcile-report",
      description = "report directory (default: ${DEFAULT-VALUE})")
  Path out;

  @Option(names = "--parallelism", description = "Flink parallelism, instead of the spec's")
  Integer parallelism;

  private final PrintStream stdout;
  private final PrintStream stderr;

  ReconcileMain(PrintStream stdout, PrintStream stderr) {
    this.stdout = stdout;
    this.stderr = stderr;
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the CLI and returns its exit code (for tests: no System.exit). */
  public static int run(String[] args, PrintStream stdout, PrintStream stderr) {
    return new CommandLine(new ReconcileMain(stdout, stderr))
        .setOut(new java.io.PrintWriter(stdout, true))
        .setErr(new java.io.PrintWriter(stderr, true))
        .execute(args);
  }

  @Override
  public Integer call() {
    ReconcileConfig cfg;
    try {
      cfg =
          ConfigLoader.load(
              config,
              new WindowOverrides(Optional.ofNullable(from), Optional.ofNullable(to)),
              System.getenv());
    } catch (ConfigException e) {
      stderr.println(e.getMessage());
      return Report.EXIT_ERROR;
    }
    try (Scratch scratch = Scratch.create()) {
      TopicPlan plan = TopicPlan.resolve(cfg);
      Optional<Integer> p = Optional.ofNullable(parallelism).or(cfg::parallelism);
      // Sized for every planned topic: a topic found missing later only leaves a slot unused.
      int sources = new KafkaRecordSource(cfg.clusters(), plan, cfg.window(), Set.of()).sources();
      // Started before the reconciliation reads the topic lists and commit histories: see
      // JobCluster.
      try (JobCluster cluster =
          JobCluster.start(EmbeddedCluster.configuration(scratch.dir(), p, sources))) {
        Report report =
            new Reconciliation(
                    new KafkaTopicCatalog(),
                    new KafkaMm2OffsetsLog(),
                    new KafkaCommitLog(),
                    new KafkaCheckpointLog(),
                    (c, pl, missing) ->
                        new KafkaRecordSource(c.clusters(), pl, c.window(), missing),
                    JobRunner.on(cluster.environment(), p),
                    out,
                    stderr::println,
                    Clock.systemUTC())
                .run(cfg, plan);
        stdout.println(ConsoleSummary.render(report, out.toAbsolutePath()));
        return report.exitCode();
      }
    } catch (Exception e) {
      stderr.println("error: " + rootMessage(e));
      return Report.EXIT_ERROR;
    }
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
