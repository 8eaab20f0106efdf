package io.mirrorwatch.common.cluster;

import java.util.Locale;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;

/**
 * The one rule for which client property values are secret, for every place a config is printed
 * (logs, reports, {@code toString}).
 */
public final class Secrets {
  /** How a secret value is printed. */
  public static final String HIDDEN = "[hidden]";

  private Secrets() {}

  /**
   * Kafka's own PASSWORD-typed configs (Admin, consumer, producer), plus any key that looks secret:
   * plugins (OAuth, custom login modules) add keys Kafka does not know, and hiding too much is the
   * safe error.
   */
  public static boolean isSecret(String key) {
    if (isPasswordType(AdminClientConfig.configDef(), key)
        || isPasswordType(ConsumerConfig.configDef(), key)
        || isPasswordType(ProducerConfig.configDef(), key)) {
      return true;
    }
    String k = key.toLowerCase(Locale.ROOT);
    return k.contains("password")
        || k.contains("secret")
        || k.contains("jaas")
        || k.contains("credential")
        || k.contains("token")
        || k.endsWith(".key");
  }

  /** {@code value}, or {@link #HIDDEN} when {@code key} is secret. */
  public static String printable(String key, String value) {
    return isSecret(key) ? HIDDEN : value;
  }

  private static boolean isPasswordType(ConfigDef def, String key) {
    ConfigDef.ConfigKey configKey = def.configKeys().get(key);
    return configKey != null && configKey.type == ConfigDef.Type.PASSWORD;
  }
}
