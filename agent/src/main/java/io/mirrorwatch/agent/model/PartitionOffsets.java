package io.mirrorwatch.agent.model;

import java.util.OptionalLong;

/**
 * Log bounds of one partition.
 *
 * @param earliest first offset still in the log
 * @param latest the log end offset: the offset the next record will get
 * @param newestTimestamp timestamp of the record with the greatest timestamp, if the log has one
 */
public record PartitionOffsets(long earliest, long latest, OptionalLong newestTimestamp) {
  public long size() {
    return Math.max(0, latest - earliest);
  }
}
