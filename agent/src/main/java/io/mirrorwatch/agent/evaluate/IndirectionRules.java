package io.mirrorwatch.agent.evaluate;

import java.util.Map;
import java.util.Set;

/**
 * Is there an indirection layer (runbook 1.3)? Clients should bootstrap through an alias (DNS name
 * or load balancer) that can be switched to the DR cluster, instead of hard-coded broker addresses.
 */
final class IndirectionRules {
  private IndirectionRules() {}

  static CheckResult evaluate(FlowInputs in) {
    Map<String, Set<String>> targets = in.indirectionTargets();
    CheckResult.Builder b = new CheckResult.Builder();
    if (targets.isEmpty()) {
      b.add(
          Level.WARNING,
          "no indirection alias configured: every client needs a config change at failover");
    }
    targets.forEach(
        (alias, clusters) -> {
          boolean source = clusters.contains(in.source());
          boolean target = clusters.contains(in.target());
          if (!source && !target) {
            b.add(
                Level.DANGER,
                "alias " + alias + " resolves to neither " + in.source() + " nor " + in.target());
          } else if (source && target) {
            b.add(
                Level.DANGER,
                "alias " + alias + " resolves to both clusters: clients would be split");
          }
        });
    return b.build("aliases resolve to one cluster each: " + targets);
  }
}
