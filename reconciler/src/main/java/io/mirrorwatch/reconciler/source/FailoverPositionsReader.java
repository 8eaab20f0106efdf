package io.mirrorwatch.reconciler.source;

import io.mirrorwatch.common.mm2.Mm2OffsetRecord;
import io.mirrorwatch.reconciler.config.ReconcileConfig;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Builds the {@link FailoverPositions} before the job: with {@code window.failoverAt}, MM2's
 * replicated positions at that instant, from its offsets topic on the DR cluster (read through
 * {@link Mm2OffsetsLog}). If that topic does not exist, the positions are unknown, the stranded
 * check falls back to "no copy on DR", and a warning says what that misses.
 */
public final class FailoverPositionsReader {
  private final Mm2OffsetsLog log;
  private final Consumer<String> warn;

  public FailoverPositionsReader(Mm2OffsetsLog log, Consumer<String> warn) {
    this.log = log;
    this.warn = warn;
  }

  /**
   * @param drTopics the topics that exist on the DR cluster
   */
  public Optional<FailoverPositions> read(ReconcileConfig cfg, Set<String> drTopics) {
    return cfg.window()
        .failoverAt()
        .map(
            at -> {
              String topic = Mm2OffsetRecord.topicFor(cfg.primary().alias());
              ReplicatedPositions positions =
                  drTopics.contains(topic)
                      ? ReplicatedPositions.atCutover(
                          topic,
                          cfg.primary().alias(),
                          log.read(cfg.dr(), topic, cfg.deadline()),
                          at.toEpochMilli())
                      : ReplicatedPositions.unknown(topic);
              if (!positions.read()) {
                warn.accept(
                    "warning: "
                        + cfg.dr().alias()
                        + "/"
                        + topic
                        + " not found: stranded events are those with no "
                        + "copy on "
                        + cfg.dr().alias()
                        + " (events MM2 copied after the failover are missed)");
              }
              return new FailoverPositions(
                  cfg.primary().alias(), cfg.dr().alias(), at.toEpochMilli(), positions);
            });
  }
}
