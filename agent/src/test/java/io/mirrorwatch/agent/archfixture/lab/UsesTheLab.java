package io.mirrorwatch.agent.archfixture.lab;

import io.mirrorwatch.lab.poll.Poll;
import java.time.Duration;

/** Fixture: a class of the agent that calls the lab. */
public final class UsesTheLab {
  private UsesTheLab() {}

  static void await() {
    Poll.until("nothing", Duration.ZERO, () -> true);
  }
}
