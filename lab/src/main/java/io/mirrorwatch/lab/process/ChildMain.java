package io.mirrorwatch.lab.process;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Entry point of every child JVM the lab starts: {@code ChildMain <real main class> <args...>}.
 *
 * <p>The lab keeps the child's standard input open as a pipe and never writes to it. When the lab's
 * JVM dies for any reason, even SIGKILL where no shutdown hook runs, the pipe closes, this watchdog
 * reads end-of-file and halts the child. So no broker or MirrorMaker outlives the lab that started
 * it.
 */
public final class ChildMain {
  private ChildMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: ChildMain <main class> [args...]");
      System.exit(2);
    }
    Thread watchdog =
        new Thread(
            () -> {
              try {
                while (System.in.read() >= 0) {
                  // Nothing is ever written; any byte is ignored.
                }
              } catch (IOException e) {
                // A broken pipe means the parent is gone, as does end-of-file.
              }
              Runtime.getRuntime().halt(143);
            },
            "mirrorwatch-parent-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();

    Method main = Class.forName(args[0]).getMethod("main", String[].class);
    main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
  }
}
