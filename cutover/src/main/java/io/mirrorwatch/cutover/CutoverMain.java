package io.mirrorwatch.cutover;

import io.mirrorwatch.agent.collect.Deadlines;
import io.mirrorwatch.agent.collect.jmx.RmiTimeouts;
import io.mirrorwatch.agent.config.AgentConfig;
import io.mirrorwatch.agent.config.ConfigLoader;
import io.mirrorwatch.agent.config.FlowConfig;
import io.mirrorwatch.common.config.ConfigException;
import io.mirrorwatch.common.config.Durations;
import io.mirrorwatch.cutover.collect.PlanCollector;
import io.mirrorwatch.cutover.plan.FailoverPlan;
import io.mirrorwatch.cutover.plan.FlowChoice;
import io.mirrorwatch.cutover.plan.Planner;
import io.mirrorwatch.cutover.render.PlanJson;
import io.mirrorwatch.cutover.render.PlanText;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Wiring only: {@code failover plan} = load the agent's config, collect, plan, render. */
@Command(
    name = "mirrorwatch-cutover",
    mixinStandardHelpOptions = true,
    version = "mirrorwatch-cutover 0.1",
    description =
        "The failover runbook as a guarded tool. Only 'failover plan' (read-only) exists yet.",
    subcommands = CutoverMain.Failover.class)
public final class CutoverMain {
  static final int EXIT_ERROR = 2;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    return new CommandLine(new CutoverMain())
        .setExitCodeExceptionMapper(e -> EXIT_ERROR)
        // Any failure is one line for people, never a stack trace; nothing has been done.
        .setExecutionExceptionHandler(
            (ex, cmd, parsed) -> {
              cmd.getErr().println("mirrorwatch-cutover: " + Deadlines.rootCauseLine(ex));
              return EXIT_ERROR;
            })
        .setParameterExceptionHandler(
            (ex, a) -> {
              ex.getCommandLine()
                  .getErr()
                  .println("mirrorwatch-cutover: " + ex.getMessage() + " (see --help)");
              return EXIT_ERROR;
            });
  }

  @Command(
      name = "failover",
      mixinStandardHelpOptions = true,
      description = "Fail over to the DR cluster, step by step (runbook section 2).",
      subcommands = Plan.class)
  static final class Failover {}

  @Command(
      name = "plan",
      mixinStandardHelpOptions = true,
      description = {
        "Read-only: the runbook's preconditions by the agent's rules, RPO now, each group's",
        "translated and exact position, blockers, and where producers and consumers go."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:go",
        "1:blocked (each blocker is named with what to do)",
        "2:error (bad config or flags; nothing was done)"
      })
  static final class Plan implements Callable<Integer> {
    @Option(
        names = {"-c", "--config"},
        required = true,
        paramLabel = "FILE",
        description = "The agent's configuration (YAML), see docs/agent-config.md.")
    Path config;

    @Option(
        names = "--to",
        paramLabel = "ALIAS",
        description =
            "The cluster to fail over to (a flow's target). Default: the first flow's target.")
    String to;

    @Option(names = "--json", description = "Print JSON (docs/cutover.md) instead of text.")
    boolean json;

    @Option(
        names = "--deadline",
        paramLabel = "DURATION",
        description = "The most any one remote call may take (e.g. 5s). Default: scrape.deadline.")
    String deadline;

    @Option(
        names = "--scan-limit",
        paramLabel = "N",
        defaultValue = "10000",
        description =
            "Records of a replica partition scanned for the exact position (default ${DEFAULT-VALUE}).")
    long scanLimit;

    @Override
    public Integer call() {
      AgentConfig cfg;
      FlowConfig flow;
      try {
        cfg = withDeadline(ConfigLoader.load(config, System.getenv()));
        flow =
            cfg.flows()
                .get(
                    FlowChoice.select(
                        cfg.flows().stream().map(PlanCollector::ref).toList(),
                        Optional.ofNullable(to)));
        if (scanLimit < 1) {
          throw new IllegalArgumentException("--scan-limit must be at least 1: " + scanLimit);
        }
      } catch (ConfigException | IllegalArgumentException e) {
        System.err.println(e.getMessage());
        return EXIT_ERROR;
      }
      RmiTimeouts.apply(cfg.deadline());
      FailoverPlan plan =
          Planner.plan(PlanCollector.collect(cfg, flow, scanLimit, Clock.systemUTC()));
      System.out.print(json ? PlanJson.render(plan) + "\n" : PlanText.render(plan));
      System.out.flush();
      return plan.exitCode();
    }

    private AgentConfig withDeadline(AgentConfig c) {
      if (deadline == null) {
        return c;
      }
      Duration d;
      try {
        d = Durations.parse(deadline);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--deadline: " + e.getMessage());
      }
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException("--deadline must be positive: " + deadline);
      }
      return new AgentConfig(
          c.scrapeInterval(),
          d,
          c.httpBind(),
          c.httpPort(),
          c.clusters(),
          c.flows(),
          c.thresholds(),
          c.indirectionAliases(),
          c.idempotency());
    }
  }
}
