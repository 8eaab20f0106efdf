package io.mirrorwatch.lab.cli;

import io.mirrorwatch.common.replication.PolicyKind;
import io.mirrorwatch.lab.Lab;
import io.mirrorwatch.lab.LabSpec;
import io.mirrorwatch.lab.drill.DrillOptions;
import io.mirrorwatch.lab.drill.FailoverDrill;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar lab/target/mirrorwatch-lab.jar [options]}: starts the lab, prints where
 * everything is, runs the workload until Ctrl-C (or runs one drill and exits), and stops every
 * child process on the way out.
 */
public final class LabMain {
  private static final String USAGE =
      String.join(
          "\n",
          "usage: java -jar mirrorwatch-lab.jar [--policy default|identity] [--rate N] [--no-workload] [--drill]",
          "  --policy P      MM2 replication policy (default: default)",
          "  --rate N        orders produced per second by the workload (default: "
              + Lab.DEFAULT_RATE
              + ")",
          "  --no-workload   start clusters and MM2 only",
          "  --drill         run one failover -> failback drill, print its ground truth file, exit",
          "  --info-file F   once the lab is up, write its addresses to F (Java properties), for scripts",
          "  --help          this text");

  private LabMain() {}

  public static void main(String[] args) throws InterruptedException {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    if (options.help) {
      System.out.println(USAGE);
      return;
    }
    System.out.println("starting the mirrorwatch lab (two KRaft clusters and MirrorMaker 2)...");
    Lab lab = Lab.start(LabSpec.defaults().withPolicy(options.policy));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("\nstopping the lab...");
                  lab.close();
                  stopped.countDown();
                },
                "lab-main-stop"));
    System.out.println(lab.describe());
    if (options.infoFile != null) {
      writeInfo(lab, java.nio.file.Path.of(options.infoFile));
    }
    if (options.drill) {
      var result =
          new FailoverDrill(
                  lab,
                  new DrillOptions(
                      options.rate,
                      DrillOptions.defaults().phase(),
                      DrillOptions.defaults().replicationBound()),
                  line -> System.out.println("[drill] " + line))
              .run();
      System.out.println(
          "failover at " + result.failoverAt() + ", failback at " + result.failbackAt());
      System.exit(0);
    }
    if (options.workload) {
      lab.producer().start(options.rate);
      lab.startProcessor(lab.primary());
      System.out.println(
          "workload: " + options.rate + " orders/s to orders on primary, group order-processor");
    }
    System.out.println("running; press Ctrl-C to stop everything");
    stopped.await();
  }

  /** Addresses for scripts (the demo); written atomically so a reader never sees half a file. */
  private static void writeInfo(Lab lab, java.nio.file.Path file) {
    java.util.Properties p = new java.util.Properties();
    p.setProperty("primary.bootstrap.servers", lab.primary().bootstrapServers());
    p.setProperty("dr.bootstrap.servers", lab.dr().bootstrapServers());
    p.setProperty("mm2.jmx.url", lab.mirrorMaker().jmxUrl());
    p.setProperty("lab.dir", lab.dir().toString());
    try {
      java.nio.file.Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      try (var out = java.nio.file.Files.newBufferedWriter(tmp)) {
        p.store(out, "mirrorwatch lab");
      }
      java.nio.file.Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (java.io.IOException e) {
      System.err.println("cannot write " + file + ": " + e.getMessage());
    }
  }

  private static final class Options {
    PolicyKind policy = PolicyKind.DEFAULT;
    int rate = Lab.DEFAULT_RATE;
    boolean workload = true;
    boolean drill;
    boolean help;
    String infoFile;

    static Options parse(String[] args) {
      Options o = new Options();
      List<String> errors = new ArrayList<>();
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--policy" -> {
            String v = i + 1 < args.length ? args[++i] : "";
            try {
              o.policy = PolicyKind.valueOf(v.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
              errors.add("--policy: expected default or identity, got '" + v + "'");
            }
          }
          case "--rate" -> {
            String v = i + 1 < args.length ? args[++i] : "";
            try {
              o.rate = Integer.parseInt(v);
              if (o.rate < 1) {
                errors.add("--rate: must be at least 1, got " + v);
              }
            } catch (NumberFormatException e) {
              errors.add("--rate: expected a whole number, got '" + v + "'");
            }
          }
          case "--no-workload" -> o.workload = false;
          case "--drill" -> o.drill = true;
          case "--info-file" -> {
            if (i + 1 < args.length) {
              o.infoFile = args[++i];
            } else {
              errors.add("--info-file: expected a file name");
            }
          }
          case "--help", "-h" -> o.help = true;
          default -> errors.add("unknown option '" + args[i] + "'");
        }
      }
      if (!errors.isEmpty()) {
        throw new IllegalArgumentException(String.join("\n", errors));
      }
      return o;
    }
  }
}
