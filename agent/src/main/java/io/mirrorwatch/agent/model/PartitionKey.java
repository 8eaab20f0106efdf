package io.mirrorwatch.agent.model;

/** A topic partition, in the agent's own terms so evaluation never sees a Kafka type. */
public record PartitionKey(String topic, int partition) implements Comparable<PartitionKey> {
  @Override
  public int compareTo(PartitionKey o) {
    int t = topic.compareTo(o.topic);
    return t != 0 ? t : Integer.compare(partition, o.partition);
  }

  @Override
  public String toString() {
    return topic + "-" + partition;
  }
}
