package io.mirrorwatch.cutover.plan;

import io.mirrorwatch.common.replication.PolicyKind;

/** A flow of the config as the plan sees it: who copies to whom, under which policy. */
public record FlowRef(String source, String target, PolicyKind policy, String separator) {
  /** {@code primary->dr}, as the agent names flows. */
  public String name() {
    return source + "->" + target;
  }

  public boolean isReverseOf(FlowRef other) {
    return source.equals(other.target) && target.equals(other.source);
  }

  /** {@code default (separator '.')} or {@code identity}. */
  public String describePolicy() {
    return policy == PolicyKind.IDENTITY ? "identity" : "default (separator '" + separator + "')";
  }
}
