package io.mirrorwatch.reconciler.source;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Thin Flink wrapper of {@link RecordDecoder}: emits events, counts everything in {@link
 * ReadStats}.
 */
public final class DecodeFunction extends RichFlatMapFunction<RawRecord, Event> {
  private static final long serialVersionUID = 1L;

  private final DecodePlan plan;
  private transient RecordDecoder decoder;
  private transient ReadStatsAccumulator stats;

  public DecodeFunction(DecodePlan plan) {
    this.plan = plan;
  }

  @Override
  public void open(OpenContext context) {
    decoder = plan.newDecoder();
    stats = new ReadStatsAccumulator();
    getRuntimeContext().addAccumulator(ReadStatsAccumulator.NAME, stats);
  }

  @Override
  public void flatMap(RawRecord record, Collector<Event> out) {
    Decoded d = decoder.decode(record);
    stats.add(d);
    if (d instanceof Event e) {
      out.collect(e);
    }
  }
}
