package io.mirrorwatch.cutover.plan;

import io.mirrorwatch.agent.evaluate.GroupStatus;
import io.mirrorwatch.agent.evaluate.TopicRpo;
import io.mirrorwatch.common.replication.PolicyKind;
import io.mirrorwatch.cutover.plan.FailoverPlan.ConsumerRoute;
import io.mirrorwatch.cutover.plan.FailoverPlan.PolicyStatement;
import io.mirrorwatch.cutover.plan.FailoverPlan.ProducerRoute;
import io.mirrorwatch.cutover.plan.FailoverPlan.Read;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Pure: where producers and consumers go after failover under the flow's policy (runbook 2.4, 2.5
 * and 4). Replica names come from the agent's assessment, which derives them with Kafka's own
 * policy; nothing here builds a topic name by hand.
 */
final class Routes {
  private Routes() {}

  /**
   * Rule: producers write to the target's own topic of the same name. Under the default policy the
   * replica ({@code primary.orders}) is MM2's and must never be written; under identity the replica
   * is the topic itself.
   */
  static List<ProducerRoute> producers(PlanInputs in) {
    List<ProducerRoute> routes = new ArrayList<>();
    for (TopicRpo t : in.assessment().topics()) {
      List<String> never = t.replica().equals(t.topic()) ? List.of() : List.of(t.replica());
      routes.add(new ProducerRoute(t.topic(), in.flow().target(), t.topic(), never));
    }
    return routes;
  }

  /**
   * Rule: a group resumes on each replica at MM2's translated offsets. Under the default policy the
   * same stream continues in the target's own topic, where new writes land: the group must read it
   * too, from its committed offset there or, having none, from the log start, because with {@code
   * auto.offset.reset=latest} it would skip what producers wrote there before it started.
   */
  static List<ConsumerRoute> consumers(PlanInputs in) {
    List<ConsumerRoute> routes = new ArrayList<>();
    String target = in.flow().target();
    for (GroupStatus g : in.assessment().groups()) {
      Set<String> committedThere = committedOnTarget(in, g.group());
      List<Read> reads = new ArrayList<>();
      for (TopicRpo t : topicsOf(in, g.group())) {
        reads.add(
            new Read(
                target,
                t.replica(),
                "translated",
                "MM2's translated offsets (checkpoint); see the partitions above"));
        if (t.replica().equals(t.topic())) {
          continue;
        }
        if (!in.targetTopics().isEmpty() && !in.targetTopics().contains(t.topic())) {
          reads.add(
              new Read(
                  target,
                  t.topic(),
                  "log-start",
                  target
                      + ":"
                      + t.topic()
                      + " does not exist yet: create it before producers are repointed"));
        } else if (committedThere.contains(t.topic())) {
          reads.add(
              new Read(
                  target,
                  t.topic(),
                  "committed",
                  "group " + g.group() + " already has offsets on " + target + ":" + t.topic()));
        } else {
          reads.add(
              new Read(
                  target,
                  t.topic(),
                  "log-start",
                  "no offsets of group "
                      + g.group()
                      + " there: run will commit the log start of "
                      + target
                      + ":"
                      + t.topic()
                      + " for group "
                      + g.group()
                      + " (with auto.offset.reset=latest it would skip what"
                      + " producers write there before it starts)"));
        }
      }
      routes.add(new ConsumerRoute(g.group(), reads));
    }
    return routes;
  }

  /** The flow's topics the group has positions on; all of the flow's topics when none are known. */
  private static List<TopicRpo> topicsOf(PlanInputs in, String group) {
    Set<String> topics = new TreeSet<>();
    in.groups().stream()
        .filter(p -> p.group().equals(group))
        .forEach(p -> p.partitions().forEach(pp -> topics.add(pp.topic())));
    List<TopicRpo> all = in.assessment().topics();
    return topics.isEmpty() ? all : all.stream().filter(t -> topics.contains(t.topic())).toList();
  }

  private static Set<String> committedOnTarget(PlanInputs in, String group) {
    return in.groups().stream()
        .filter(p -> p.group().equals(group))
        .findFirst()
        .map(GroupPositions::committedTopicsOnTarget)
        .orElse(Set.of());
  }

  /**
   * Rule (runbook 4.2): the forward flow and its reverse, used for failback, must use one policy;
   * the agent's loader already rejects a mix, so this states what holds, or that no reverse flow is
   * configured yet.
   */
  static PolicyStatement policy(FlowRef flow, List<FlowRef> all) {
    List<FlowRef> reverse = all.stream().filter(f -> f.isReverseOf(flow)).toList();
    if (reverse.isEmpty()) {
      return new PolicyStatement(
          true,
          "forward "
              + flow.name()
              + " uses policy "
              + flow.describePolicy()
              + "; no reverse flow "
              + flow.target()
              + "->"
              + flow.source()
              + " configured: failback must use the same policy");
    }
    FlowRef r = reverse.get(0);
    boolean same =
        r.policy() == flow.policy()
            && (flow.policy() == PolicyKind.IDENTITY || r.separator().equals(flow.separator()));
    return new PolicyStatement(
        same,
        same
            ? "forward "
                + flow.name()
                + " and reverse "
                + r.name()
                + " both use policy "
                + flow.describePolicy()
            : "forward "
                + flow.name()
                + " uses "
                + flow.describePolicy()
                + " but reverse "
                + r.name()
                + " uses "
                + r.describePolicy()
                + ": records would ping-pong or vanish at failback");
  }
}
