package io.mirrorwatch.cutover.archfixture.lab;

import io.mirrorwatch.lab.Lab;

/** Breaks the lab rule on purpose: a cutover class that starts the lab. */
public final class UsesTheLab {
  private UsesTheLab() {}

  static String bootstrap(Lab lab) {
    return lab.primary().bootstrapServers();
  }
}
