package io.mirrorwatch.reconciler.source;

/**
 * 64-bit FNV-1a over a record's key and value. MM2 copies key and value byte for byte, so a copy
 * hashes like its source; a re-send with a changed value does not. Not cryptographic: it only has
 * to separate records that already share an event ID and a timestamp.
 */
public final class PayloadHash {
  private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;

  private PayloadHash() {}

  /** Null key and empty key hash differently: each part is prefixed with its length (-1: null). */
  public static long of(byte[] key, byte[] value) {
    long h = OFFSET_BASIS;
    h = mix(h, key);
    return mix(h, value);
  }

  private static long mix(long h, byte[] bytes) {
    int length = bytes == null ? -1 : bytes.length;
    for (int shift = 0; shift < 32; shift += 8) {
      h = (h ^ ((length >>> shift) & 0xff)) * PRIME;
    }
    if (bytes != null) {
      for (byte b : bytes) {
        h = (h ^ (b & 0xff)) * PRIME;
      }
    }
    return h;
  }
}
