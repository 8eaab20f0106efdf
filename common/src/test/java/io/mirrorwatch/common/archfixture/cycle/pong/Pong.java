package io.mirrorwatch.common.archfixture.cycle.pong;

import io.mirrorwatch.common.archfixture.cycle.ping.Ping;

/** Fixture: the other half of the cycle with {@link Ping}. */
public final class Pong {
  Ping ping;
}
