package io.mirrorwatch.reconciler.source;

import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Tells Flink to move {@link Event}s with {@link EventSerializer} over the job's topic table. */
public final class EventTypeInfo extends TypeInformation<Event> {
  private static final long serialVersionUID = 1L;

  private final List<EventSerializer.Slot> slots;

  private EventTypeInfo(List<EventSerializer.Slot> slots) {
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
  public boolean isBasicType() {
    return false;
  }

  @Override
  public boolean isTupleType() {
    return false;
  }

  @Override
  public int getArity() {
    return 1;
  }

  @Override
  public int getTotalFields() {
    return 1;
  }

  @Override
  public Class<Event> getTypeClass() {
    return Event.class;
  }

  @Override
  public boolean isKeyType() {
    return false;
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

  @Override
  public boolean canEqual(Object o) {
    return o instanceof EventTypeInfo;
  }
}
