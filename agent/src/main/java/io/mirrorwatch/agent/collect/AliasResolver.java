package io.mirrorwatch.agent.collect;

import java.util.Map;
import java.util.Set;

/**
 * Which clusters the client-facing bootstrap aliases point at; {@link IndirectionResolver} asks
 * DNS.
 *
 * <p>Contract: returns within the configured deadline (per lookup) or throws {@link
 * CollectException}; every configured alias is a key, mapped to possibly no cluster.
 */
public interface AliasResolver {
  /** Alias -> aliases of the clusters it resolves to. */
  Map<String, Set<String>> resolve() throws CollectException;
}
