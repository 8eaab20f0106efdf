package io.mirrorwatch.bench;

import java.time.Duration;
import java.util.List;

/**
 * CPU time used by the bench JVM (the client: agent or limit) and by the two broker JVMs during one
 * measured cycle. On a shared 2-core machine wall time depends on what else runs; CPU seconds much
 * less so. Linux counts in clock ticks (10 ms).
 */
final class CpuMeter {
  private final List<Long> brokerPids;

  CpuMeter(List<Long> brokerPids) {
    this.brokerPids = List.copyOf(brokerPids);
  }

  /** A reading: client and broker CPU so far, in seconds. */
  record Reading(double client, double brokers) {
    Reading minus(Reading before) {
      return new Reading(client - before.client, brokers - before.brokers);
    }
  }

  Reading read() {
    double client =
        seconds(ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO));
    double brokers = 0;
    for (long pid : brokerPids) {
      brokers +=
          ProcessHandle.of(pid)
              .flatMap(p -> p.info().totalCpuDuration())
              .map(CpuMeter::seconds)
              .orElse(0.0);
    }
    return new Reading(client, brokers);
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }
}
