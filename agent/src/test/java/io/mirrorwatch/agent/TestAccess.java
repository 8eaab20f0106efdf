package io.mirrorwatch.agent;

import io.mirrorwatch.agent.config.AgentConfig;
import java.io.IOException;
import java.time.Clock;

/** Starts an agent exactly as AgentMain does, for integration tests in other packages. */
public final class TestAccess {
  private TestAccess() {}

  public static Agent start(AgentConfig config, Clock clock) throws IOException {
    io.mirrorwatch.agent.collect.jmx.RmiTimeouts.apply(config.deadline());
    return Agent.start(config, clock);
  }
}
