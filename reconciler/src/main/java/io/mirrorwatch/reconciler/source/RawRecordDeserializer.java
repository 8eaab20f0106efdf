package io.mirrorwatch.reconciler.source;

import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Copies a Kafka record into a {@link RawRecord}, tagged with its cluster; never fails. */
final class RawRecordDeserializer implements KafkaRecordDeserializationSchema<RawRecord> {
  private static final long serialVersionUID = 1L;

  private final String cluster;

  /** topic -> header carrying the event ID, for topics whose event ID is a header. */
  private final Map<String, String> idHeaders;

  RawRecordDeserializer(String cluster, Map<String, String> idHeaders) {
    this.cluster = cluster;
    this.idHeaders = Map.copyOf(idHeaders);
  }

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> r, Collector<RawRecord> out) {
    String headerName = idHeaders.get(r.topic());
    Header h = headerName == null ? null : r.headers().lastHeader(headerName);
    out.collect(
        new RawRecord(
            cluster,
            r.topic(),
            r.partition(),
            r.offset(),
            r.timestamp(),
            r.key(),
            r.value(),
            h == null ? null : h.value()));
  }

  @Override
  public TypeInformation<RawRecord> getProducedType() {
    return TypeInformation.of(RawRecord.class);
  }
}
