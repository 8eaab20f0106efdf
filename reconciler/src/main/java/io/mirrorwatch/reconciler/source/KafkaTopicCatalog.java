package io.mirrorwatch.reconciler.source;

import io.mirrorwatch.common.cluster.ClusterConfig;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;

/** {@link TopicCatalog} over Kafka's Admin client. */
public final class KafkaTopicCatalog implements TopicCatalog {
  @Override
  public Set<String> topics(ClusterConfig cluster, Duration deadline) {
    Admin admin = Admin.create(cluster.clientProperties(deadline));
    try {
      return admin.listTopics().names().get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "cannot list the topics of "
              + cluster.alias()
              + " ("
              + cluster.bootstrapServers()
              + "): "
              + e.getCause().getMessage(),
          e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "cannot list the topics of "
              + cluster.alias()
              + " ("
              + cluster.bootstrapServers()
              + "): no answer within "
              + deadline.toSeconds()
              + " s",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while listing topics of " + cluster.alias(), e);
    } finally {
      admin.close(deadline);
    }
  }
}
