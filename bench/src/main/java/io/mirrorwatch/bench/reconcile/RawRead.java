package io.mirrorwatch.bench.reconcile;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The limit: the dataset's topics read by plain consumers that do nothing with the records, one per
 * cluster, in parallel (one thread per core here). Prints {@code RESULT records=N}. Arguments:
 * primary bootstrap, dr bootstrap.
 */
public final class RawRead {
  private RawRead() {}

  public static void main(String[] args) {
    CompletableFuture<Long> primary =
        CompletableFuture.supplyAsync(
            () -> TopicScan.scan(args[0], List.of(Dataset.ORDERS, Dataset.PROCESSED), r -> {}));
    CompletableFuture<Long> dr =
        CompletableFuture.supplyAsync(
            () -> TopicScan.scan(args[1], List.of(Dataset.REPLICA), r -> {}));
    System.out.println("RESULT records=" + (primary.join() + dr.join()));
  }
}
