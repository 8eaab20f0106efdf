package io.mirrorwatch.common.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorwatch.common.config.ConfigNode;
import io.mirrorwatch.common.config.YamlConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterConfigTest {
  @Test
  void toStringHidesSecretProperties() {
    ClusterConfig cluster =
        new ClusterConfig(
            "primary",
            "h:1",
            Map.of(
                "sasl.jaas.config", "ScramLoginModule required password=\"pw1\";",
                "ssl.truststore.password", "pw2",
                "security.protocol", "SASL_SSL"));

    assertThat(cluster.toString()).doesNotContain("pw1", "pw2").contains("SASL_SSL");
  }

  @Test
  void secretsAreKafkasPasswordTypedKeysAndKeysThatLookSecret() {
    // PASSWORD-typed in Kafka without a telling name; the producer's too.
    assertThat(Secrets.isSecret("ssl.keystore.key")).isTrue();
    assertThat(Secrets.isSecret("sasl.oauthbearer.assertion.private.key.passphrase")).isTrue();
    assertThat(Secrets.isSecret("my.plugin.credentials")).isTrue();
    assertThat(Secrets.isSecret("security.protocol")).isFalse();
    assertThat(Secrets.isSecret("ssl.truststore.location")).isFalse();
  }

  @Test
  void clientPropertiesDefaultBothTimeoutsToTheDeadline() {
    ClusterConfig cluster =
        new ClusterConfig("primary", "h:1,h:2", Map.of("security.protocol", "SSL"));

    assertThat(cluster.clientProperties(Duration.ofSeconds(5)))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "bootstrap.servers",
                "h:1,h:2",
                "security.protocol",
                "SSL",
                "request.timeout.ms",
                5000,
                "default.api.timeout.ms",
                5000));
  }

  @Test
  void clientPropertiesKeepTimeoutsTheUserSet() {
    ClusterConfig cluster =
        new ClusterConfig("primary", "h:1", Map.of("request.timeout.ms", "30000"));

    assertThat(cluster.clientProperties(Duration.ofSeconds(5)))
        .containsEntry("request.timeout.ms", "30000")
        .containsEntry("default.api.timeout.ms", 5000);
    assertThat(cluster.clientProperties()).doesNotContainKey("default.api.timeout.ms");
  }

  /**
   * A config-provider reference survives the config layer untouched and the Kafka client resolves
   * it from the file when {@code config.providers} is set: the secret is in neither the YAML nor
   * the environment.
   */
  @Test
  void kafkaClientsResolveConfigProviderReferencesPassedThrough(@TempDir Path dir)
      throws IOException {
    Path secrets = dir.resolve("secrets.properties");
    Files.writeString(secrets, "clientId=from-the-secret-file\n");
    String yaml =
        """
        bootstrap.servers: h:1
        properties:
          config.providers: file
          config.providers.file.class: org.apache.kafka.common.config.provider.FileConfigProvider
          client.id: ${file:%s:clientId}
          sasl.username: ${USER_FROM_ENV}
        """
            .formatted(secrets);

    ClusterConfig cluster =
        new YamlConfig("test", "bootstrap.servers, properties")
            .parse(
                yaml,
                Map.of("USER_FROM_ENV", "alice"),
                Optional.empty(),
                (ConfigNode root) -> ClusterReader.read("primary", root, root));

    assertThat(cluster.properties())
        .containsEntry("client.id", "${file:" + secrets + ":clientId}")
        .containsEntry("sasl.username", "alice");
    assertThat(
            new AdminClientConfig(cluster.clientProperties(Duration.ofSeconds(5)))
                .getString(AdminClientConfig.CLIENT_ID_CONFIG))
        .isEqualTo("from-the-secret-file");
    assertThat(
            new ConsumerConfig(
                    Map.<String, Object>of(
                        "bootstrap.servers", "h:1",
                        "key.deserializer",
                            "org.apache.kafka.common.serialization.ByteArrayDeserializer",
                        "value.deserializer",
                            "org.apache.kafka.common.serialization.ByteArrayDeserializer",
                        "config.providers", "file",
                        "config.providers.file.class",
                            "org.apache.kafka.common.config.provider.FileConfigProvider",
                        "client.id", cluster.properties().get("client.id")))
                .getString(ConsumerConfig.CLIENT_ID_CONFIG))
        .isEqualTo("from-the-secret-file");
  }
}
