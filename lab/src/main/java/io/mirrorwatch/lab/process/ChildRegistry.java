package io.mirrorwatch.lab.process;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every live child JVM of this process. One shutdown hook kills those still registered, so Ctrl-C,
 * a failed test or a normal exit all leave no broker or MirrorMaker behind. (If this JVM is itself
 * SIGKILLed, {@link ChildMain}'s stdin watchdog takes over.)
 */
final class ChildRegistry {
  private static final Set<ChildJvm> LIVE = new LinkedHashSet<>();
  private static boolean hookInstalled;

  private ChildRegistry() {}

  static synchronized void register(ChildJvm child) {
    if (!hookInstalled) {
      Runtime.getRuntime()
          .addShutdownHook(new Thread(ChildRegistry::killAll, "mirrorwatch-lab-children"));
      hookInstalled = true;
    }
    LIVE.add(child);
  }

  static synchronized void unregister(ChildJvm child) {
    LIVE.remove(child);
  }

  private static void killAll() {
    List<ChildJvm> children;
    synchronized (ChildRegistry.class) {
      children = new ArrayList<>(LIVE);
    }
    for (ChildJvm child : children) {
      child.kill();
    }
  }
}
