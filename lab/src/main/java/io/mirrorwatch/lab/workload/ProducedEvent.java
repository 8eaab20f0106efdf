package io.mirrorwatch.lab.workload;

/** One order the workload's producer wrote, as acknowledged by the broker. */
public record ProducedEvent(
    String eventId, String cluster, String topic, int partition, long offset, long timestamp) {}
