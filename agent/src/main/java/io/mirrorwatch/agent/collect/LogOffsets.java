package io.mirrorwatch.agent.collect;

import io.mirrorwatch.agent.model.PartitionKey;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The one Admin request for log offsets ({@code listOffsets}), narrowed to what the agent asks, so
 * that which partitions are asked for what is visible to unit tests without a cluster.
 *
 * <p>Contract: one call is one batched request over all its partitions (the client splits it per
 * leader), bounded by the collector's deadline; any partition failing fails the call.
 */
public interface LogOffsets {

  /** What is asked of one partition. */
  sealed interface Query permits Kind, AtTimestamp {}

  /** The fixed positions of a log. */
  enum Kind implements Query {
    /** The log start. */
    EARLIEST,
    /** The log end: the offset the next record will get. */
    LATEST,
    /** The record with the greatest timestamp. */
    MAX_TIMESTAMP
  }

  /**
   * The first record whose timestamp is at or after {@code timestamp} ({@code offsetsForTimes}).
   */
  record AtTimestamp(long timestamp) implements Query {}

  /**
   * One answer.
   *
   * @param timestamp the record's timestamp, for the queries that find a record (max timestamp, at
   *     timestamp); empty for the log start and end
   */
  record Found(long offset, OptionalLong timestamp) {}

  /**
   * Asks every query in one request. A partition without such a record (an empty log asked for its
   * max timestamp, no record at or after the time) is absent from the answer.
   *
   * @param what names the request in error messages
   */
  Map<PartitionKey, Found> list(String what, Map<PartitionKey, Query> queries)
      throws CollectException;
}
