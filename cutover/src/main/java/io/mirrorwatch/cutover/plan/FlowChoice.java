package io.mirrorwatch.cutover.plan;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Which flow a failover to a cluster is about: the one whose target that cluster is. */
public final class FlowChoice {
  private FlowChoice() {}

  /**
   * Rule: {@code --to X} picks the one flow with target X; without it, the first flow's target.
   *
   * @return the index of the flow in {@code flows}
   * @throws IllegalArgumentException with a message for people when no or several flows match
   */
  public static int select(List<FlowRef> flows, Optional<String> to) {
    if (flows.isEmpty()) {
      throw new IllegalArgumentException("the config has no flow");
    }
    String target = to.orElse(flows.get(0).target());
    List<Integer> matches =
        java.util.stream.IntStream.range(0, flows.size())
            .filter(i -> flows.get(i).target().equals(target))
            .boxed()
            .toList();
    if (matches.size() == 1) {
      return matches.get(0);
    }
    String known = flows.stream().map(FlowRef::target).distinct().collect(Collectors.joining(", "));
    throw new IllegalArgumentException(
        matches.isEmpty()
            ? "--to " + target + ": no flow has target '" + target + "' (targets: " + known + ")"
            : "--to "
                + target
                + ": "
                + matches.size()
                + " flows have target '"
                + target
                + "'; failing over to a cluster fed by several flows is not planned yet");
  }
}
