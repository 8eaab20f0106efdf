package io.mirrorwatch.lab.workload;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/** The order record format: JSON value, {@code event-id} header. Pure; no IO. */
public final class Orders {
  public static final String TOPIC = "orders";
  public static final String PROCESSED_TOPIC = "orders-processed";
  public static final String EVENT_ID_HEADER = "event-id";
  public static final String GROUP = "order-processor";

  /**
   * Prefix of the provenance header every order carries: its name, {@code
   * mirrorwatch.written-on.<alias>}, says on which cluster the order was written (the value is
   * empty). MirrorMaker copies headers, so a copy keeps it; under {@code IdentityReplicationPolicy}
   * each MM2 flow drops the records written on its own target, which blocks the cycle.
   */
  public static final String WRITTEN_ON_HEADER_PREFIX = "mirrorwatch.written-on.";

  private static final ObjectMapper JSON = new ObjectMapper();

  private Orders() {}

  /** The provenance header's name for orders written on the cluster {@code alias}. */
  public static String writtenOnHeader(String alias) {
    return WRITTEN_ON_HEADER_PREFIX + alias;
  }

  /**
   * The order with sequence number {@code seq}: amounts and customers vary but are reproducible.
   */
  public static String orderJson(String orderId, long seq, long eventTimeMs) {
    ObjectNode order = JSON.createObjectNode();
    order.put("orderId", orderId);
    order.put("customerId", "c-" + (seq % 50));
    order.put("amount", BigDecimal.valueOf(100 + (seq * 37) % 9_900, 2));
    order.put("eventTime", eventTimeMs);
    return order.toString();
  }

  /** What the processor writes downstream: the order plus where it was read from. */
  public static String processedJson(
      String orderJson, String eventId, String cluster, String topic, int partition, long offset) {
    try {
      ObjectNode out = (ObjectNode) JSON.readTree(orderJson);
      out.put("eventId", eventId);
      out.put("processedOn", cluster);
      out.put("sourceTopic", topic);
      out.put("sourcePartition", partition);
      out.put("sourceOffset", offset);
      return out.toString();
    } catch (Exception e) {
      // A value that is not JSON is still recorded, wrapped, so nothing is lost downstream.
      ObjectNode out = JSON.createObjectNode();
      out.put("eventId", eventId);
      out.put("unparsedValue", orderJson);
      return out.toString();
    }
  }
}
