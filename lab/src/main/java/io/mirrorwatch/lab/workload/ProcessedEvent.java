package io.mirrorwatch.lab.workload;

/**
 * One delivery of an order to the {@code order-processor} group: where it was read from, and
 * whether the consumer processed it ({@code processed}) or skipped it as already seen
 * (idempotency).
 */
public record ProcessedEvent(
    String eventId,
    String cluster,
    String topic,
    int partition,
    long offset,
    long processedAt,
    boolean processed) {}
