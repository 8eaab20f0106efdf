package io.mirrorwatch.reconciler.source;

import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Tells Flink to move {@link Event}s with {@link EventSerializer} over the job's topic table. */
public final class EventTypeInfo extends OpaqueTypeInfo<Event> {
  private static final long serialVersionUID = 1L;

  private final List<EventSerializer.Slot> slots;

  private EventTypeInfo(List<EventSerializer.Slot> slots) {
    super(Event.class, false);
    this.slots = List.copyOf(slots);
  }

  public static EventTypeInfo of(List<PhysicalTopic> topics) {
    return new EventTypeInfo(EventSerializer.of(topics).slots());
  }

  @Override
  public TypeSerializer<Event> createSerializer(SerializerConfig config) {
    return new EventSerializer(slots);
  }

  @Override
  public String toString() {
    return "Event(" + slots.size() + " topics)";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EventTypeInfo other && slots.equals(other.slots);
  }

  @Override
  public int hashCode() {
    return slots.hashCode();
  }
}
