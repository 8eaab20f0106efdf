package io.mirrorwatch.reconciler.source;

import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * What Flink asks of a type it moves with one of our serializers, answered once: a single opaque
 * field, neither basic nor a tuple. Subclasses give the serializer. A type info without state of
 * its own is equal to any other of its class and named after its type; one with state overrides
 * {@link #equals}, {@link #hashCode} and {@link #toString}.
 */
public abstract class OpaqueTypeInfo<T> extends TypeInformation<T> {
  private static final long serialVersionUID = 1L;

  private final Class<T> type;
  private final boolean key;

  /**
   * @param key whether Flink may key a stream by it (its class defines equals and hashCode)
   */
  protected OpaqueTypeInfo(Class<T> type, boolean key) {
    this.type = type;
    this.key = key;
  }

  @Override
  public final boolean isBasicType() {
    return false;
  }

  @Override
  public final boolean isTupleType() {
    return false;
  }

  @Override
  public final int getArity() {
    return 1;
  }

  @Override
  public final int getTotalFields() {
    return 1;
  }

  @Override
  public final Class<T> getTypeClass() {
    return type;
  }

  @Override
  public final boolean isKeyType() {
    return key;
  }

  @Override
  public final boolean canEqual(Object o) {
    return o != null && o.getClass() == getClass();
  }

  @Override
  public boolean equals(Object o) {
    return canEqual(o);
  }

  @Override
  public int hashCode() {
    return getClass().hashCode();
  }

  @Override
  public String toString() {
    return type.getSimpleName();
  }
}
