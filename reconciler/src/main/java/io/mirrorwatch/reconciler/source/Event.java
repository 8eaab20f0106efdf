package io.mirrorwatch.reconciler.source;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * One readable record of a source or downstream topic: the unit every check works on. Also Flink's
 * wire type, moved by {@link EventSerializer}; {@code amount} and {@code groupKey} are nullable
 * fields, read through {@link #amountValue()} and {@link #groupKeyValue()}.
 *
 * @param cluster MM2 alias of the cluster it was read from
 * @param timestamp the record's timestamp (ms); MM2 copies keep the source's
 * @param origin whether the topic holds originals or MM2 copies ({@link Origin})
 * @param payloadHash 64-bit hash of key and value: MM2 copies have the same as their source
 * @param amount the aggregated amount, null when aggregates are not configured or it is missing
 * @param groupKey the aggregates' grouping key as text, null when not configured or missing
 */
public record Event(
    String eventId,
    String cluster,
    String topic,
    int partition,
    long offset,
    long timestamp,
    Role role,
    Origin origin,
    long payloadHash,
    BigDecimal amount,
    String groupKey)
    implements Decoded {

  public Optional<BigDecimal> amountValue() {
    return Optional.ofNullable(amount);
  }

  public Optional<String> groupKeyValue() {
    return Optional.ofNullable(groupKey);
  }
}
