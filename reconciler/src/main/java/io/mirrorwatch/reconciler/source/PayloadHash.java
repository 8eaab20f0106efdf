package io.mirrorwatch.reconciler.source;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A 64-bit hash of a record's key and value. MM2 copies key and value byte for byte, so a copy
 * hashes like its source; a re-send with a changed value does not. Not cryptographic: it only has
 * to separate records that already share an event ID and a timestamp.
 *
 * <p>It runs on every record read, so it takes eight bytes per step (xxHash64's round) rather than
 * one (FNV-1a), then MurmurHash3's finalizer spreads every input bit.
 */
public final class PayloadHash {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long SEED = 0xcbf29ce484222325L;
  private static final long P1 = 0x9E3779B185EBCA87L;
  private static final long P2 = 0xC2B2AE3D27D4EB4FL;

  private PayloadHash() {}

  /** Null key and empty key hash differently: each part is prefixed with its length (-1: null). */
  public static long of(byte[] key, byte[] value) {
    return spread(mix(mix(SEED, key), value));
  }

  /** MurmurHash3's 64-bit finalizer: every input bit flips about half of the output bits. */
  public static long spread(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }

  private static long mix(long h, byte[] bytes) {
    if (bytes == null) {
      return round(h, -1);
    }
    h = round(h, bytes.length);
    int i = 0;
    for (; i + Long.BYTES <= bytes.length; i += Long.BYTES) {
      h = round(h, (long) LONGS.get(bytes, i));
    }
    long tail = 0;
    for (int j = bytes.length - 1; j >= i; j--) {
      tail = (tail << 8) | (bytes[j] & 0xff);
    }
    return round(h, tail);
  }

  /** xxHash64's round: folds one 64-bit word into {@code h}. */
  public static long round(long h, long word) {
    return Long.rotateLeft(h + word * P2, 31) * P1;
  }
}
