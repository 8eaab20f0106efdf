package io.mirrorwatch.reconciler.source.offsets;

/** A partition of a topic, without Kafka's client types, so the pure offset checks need none. */
public record TopicPart(String topic, int partition) implements Comparable<TopicPart> {
  @Override
  public int compareTo(TopicPart o) {
    int c = topic.compareTo(o.topic);
    return c != 0 ? c : Integer.compare(partition, o.partition);
  }

  @Override
  public String toString() {
    return topic + "-" + partition;
  }
}
