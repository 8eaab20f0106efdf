package io.mirrorwatch.common.archfixture.cycle.ping;

import io.mirrorwatch.common.archfixture.cycle.pong.Pong;

/** Fixture: with {@link Pong}, a cycle of two packages, which {@code NO_PACKAGE_CYCLES} rejects. */
public final class Ping {
  Pong pong;
}
