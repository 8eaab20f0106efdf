package io.mirrorwatch.reconciler.source.offsets;

/**
 * Where a record of {@code __consumer_offsets} is: enough to fetch it again with any Kafka tool.
 *
 * @param timestamp the record's timestamp (ms), set by the group coordinator when it appended it
 */
public record LogPosition(String cluster, int partition, long offset, long timestamp) {
  public static final String TOPIC = "__consumer_offsets";
}
