package io.mirrorwatch.reconciler.checks.offsets;

import io.mirrorwatch.reconciler.config.ReconcileConfig;
import io.mirrorwatch.reconciler.config.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A moment when consumers moved from one cluster to the other: failover (primary -> dr) and
 * failback (dr -> primary).
 *
 * @param at the configured cutover instant
 * @param searchFrom the start of a group on the new cluster is looked for from here on: for
 *     failover the window's start ({@code failoverAt - margin}: an operator may note the cutover a
 *     little late), for failback the failover (a group's start on primary before the failover is
 *     its old life there, not its return)
 * @param oldCluster MM2 alias of the cluster consumers left
 * @param newCluster MM2 alias of the cluster they moved to
 */
public record Cutover(
    Kind kind, Instant at, Instant searchFrom, String oldCluster, String newCluster) {
  public enum Kind {
    FAILOVER,
    FAILBACK;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The cutovers the spec configures; a cutover without its instant is not checked. */
  public static List<Cutover> of(ReconcileConfig cfg) {
    Window w = cfg.window();
    String primary = cfg.primary().alias();
    String dr = cfg.dr().alias();
    List<Cutover> cutovers = new ArrayList<>();
    w.failoverAt()
        .ifPresent(t -> cutovers.add(new Cutover(Kind.FAILOVER, t, w.from(), primary, dr)));
    w.failbackAt()
        .ifPresent(
            t ->
                cutovers.add(
                    new Cutover(Kind.FAILBACK, t, w.failoverAt().orElse(w.from()), dr, primary)));
    return cutovers;
  }
}
