package io.mirrorwatch.agent.archfixture.evaluate;

import org.apache.kafka.common.TopicPartition;

/** Fixture: a class of an {@code evaluate} package that sees a Kafka type. */
public record UsesKafka(TopicPartition partition) {}
