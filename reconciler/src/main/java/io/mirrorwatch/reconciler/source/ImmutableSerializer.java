package io.mirrorwatch.reconciler.source;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputView;

/**
 * A serializer of an immutable type: a copy is the object itself, and reading never fills an object
 * handed in for reuse. Flink copies every record passed between chained operators (unless object
 * reuse is on); for a type it analyses itself that copy goes field by field through reflection.
 */
public abstract class ImmutableSerializer<T> extends TypeSerializer<T> {
  private static final long serialVersionUID = 1L;

  @Override
  public final boolean isImmutableType() {
    return true;
  }

  @Override
  public final T copy(T from) {
    return from;
  }

  @Override
  public final T copy(T from, T reuse) {
    return from;
  }

  @Override
  public final T deserialize(T reuse, DataInputView in) throws IOException {
    return deserialize(in);
  }

  /** No object to reuse: every read builds a new one. */
  @Override
  public T createInstance() {
    return null;
  }

  @Override
  public int getLength() {
    return -1;
  }
}
