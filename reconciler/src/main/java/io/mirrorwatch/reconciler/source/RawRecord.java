package io.mirrorwatch.reconciler.source;

import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * A Kafka record as read, before decoding: the Flink wire type between the Kafka source and the
 * decoder. Fields mirror Kafka's own, nulls included ({@code key} and {@code value} may be null,
 * {@code eventIdHeader} is null when the topic's event ID is not a header or the header is absent);
 * {@link RecordDecoder} turns them into an {@link Event} or an {@link Unreadable} at once.
 *
 * <p>Moved by {@link RawRecordSerializer}: passed between chained operators without a copy.
 *
 * @param cluster the MM2 alias of the cluster it was read from
 * @param eventIdHeader value of the header that carries the event ID, if the topic has one
 */
@TypeInfo(RawRecordTypeInfo.Factory.class)
public record RawRecord(
    String cluster,
    String topic,
    int partition,
    long offset,
    long timestamp,
    byte[] key,
    byte[] value,
    byte[] eventIdHeader) {}
