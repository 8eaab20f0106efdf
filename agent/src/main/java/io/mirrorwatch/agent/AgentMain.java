package io.mirrorwatch.agent;

import io.mirrorwatch.agent.config.AgentConfig;
import io.mirrorwatch.agent.config.ConfigLoader;
import io.mirrorwatch.common.config.ConfigException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Wiring only: load and validate the config, start the agent, stop it on Ctrl-C. */
@Command(
    name = "mirrorwatch-agent",
    mixinStandardHelpOptions = true,
    version = "mirrorwatch-agent 0.1",
    description = {
      "Publishes MirrorMaker 2 DR readiness (the runbook's four failover preconditions) and RPO",
      "estimates on a Prometheus /metrics endpoint, with a JSON /readiness document and /health."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:stopped normally",
      "2:invalid configuration or arguments (every problem is listed)"
    })
public final class AgentMain implements Callable<Integer> {

  @Option(
      names = {"-c", "--config"},
      required = true,
      paramLabel = "FILE",
      description =
          "Agent configuration (YAML); see agent/agent.example.yaml and docs/agent-config.md.")
  Path config;

  @Option(
      names = "--check-config",
      description = "Validate the configuration, print the result and exit (opens no connection).")
  boolean checkOnly;

  public static void main(String[] args) {
    int code =
        new CommandLine(new AgentMain())
            .setExitCodeExceptionMapper(e -> 2)
            // Start-up failures (port in use, unreadable file) are one line for people, not a stack
            // trace.
            .setExecutionExceptionHandler(
                (ex, cmd, parsed) -> {
                  cmd.getErr()
                      .println(
                          "mirrorwatch-agent: "
                              + io.mirrorwatch.agent.collect.Deadlines.rootCauseLine(ex));
                  return 1;
                })
            .setParameterExceptionHandler(
                (ex, a) -> {
                  ex.getCommandLine().getErr().println(ex.getMessage());
                  ex.getCommandLine().usage(ex.getCommandLine().getErr());
                  return 2;
                })
            .execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  @Override
  public Integer call() throws Exception {
    AgentConfig cfg;
    try {
      cfg = ConfigLoader.load(config, System.getenv());
    } catch (ConfigException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    if (checkOnly) {
      System.out.println(
          config
              + ": configuration is valid ("
              + cfg.flows().size()
              + " flow(s), "
              + cfg.clusters().size()
              + " cluster(s))");
      return 0;
    }
    io.mirrorwatch.agent.collect.jmx.RmiTimeouts.apply(cfg.deadline());
    Agent agent = Agent.start(cfg, Clock.systemUTC());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  agent.close();
                  stopped.countDown();
                },
                "mirrorwatch-stop"));
    System.out.println(
        "mirrorwatch agent: http://"
            + cfg.httpBind()
            + ":"
            + agent.httpPort()
            + "/metrics, /readiness, /health; every "
            + cfg.scrapeInterval().toSeconds()
            + " s");
    stopped.await();
    return 0;
  }
}
