package io.mirrorwatch.reconciler.checks;

import io.mirrorwatch.reconciler.report.BucketTotals;
import io.mirrorwatch.reconciler.report.Finding;
import io.mirrorwatch.reconciler.source.Event;
import io.mirrorwatch.reconciler.source.offsets.Anchor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Thin Flink wrapper of the {@link EventIdCheck}s, keyed by {@link EventKey} (a hash of the event
 * ID). In BATCH mode Flink sorts the input by key and hands over one key's records consecutively;
 * the end-of-time timer fires once a key is complete, so the checks see every record of the ID at
 * once, and state is held for one key at a time only. The records of a key are split by event ID
 * first: IDs whose hashes collide are checked apart, as if keyed by the ID itself.
 *
 * <p>With aggregates configured, each event's {@link EventContribution} leaves on the side output
 * {@link #BUCKETS}, to be summed per bucket and group key downstream of this operator.
 *
 * <p>For the offset checks it also reports, on the side output {@link #ANCHORED}, every record of an
 * event that holds one of the {@link Anchor}s: this is the one place that sees an event's records on
 * both clusters together, so it is where the anchor's copy on the other cluster is found.
 */
public final class EventIdChecksFunction extends KeyedProcessFunction<Long, Event, Finding> {
  private static final long serialVersionUID = 1L;
  public static final String EVENTS = "mirrorwatch-events";
  public static final String PROCESSED = "mirrorwatch-events-processed";
  public static final String DOWNSTREAM_ONLY = "mirrorwatch-downstream-only";
  public static final OutputTag<BucketTotals> BUCKETS =
      new OutputTag<>("bucket-contributions", TypeInformation.of(BucketTotals.class));
  public static final OutputTag<Event> ANCHORED = new OutputTag<>("anchored", TypeInformation.of(Event.class));

  private final List<EventIdCheck> checks;
  /** Null when aggregates are not configured (Java-serialized with the function, so no Optional). */
  private final EventContribution contribution;
  private final Set<Anchor> anchors;
  private transient ListState<Event> records;
  private transient LongCounter events;
  private transient LongCounter processed;
  private transient LongCounter downstreamOnly;

  public EventIdChecksFunction(List<EventIdCheck> checks) {
    this(checks, Optional.empty(), Set.of());
  }

  public EventIdChecksFunction(
      List<EventIdCheck> checks, Optional<EventContribution> contribution, Set<Anchor> anchors) {
    this.checks = List.copyOf(checks);
    this.contribution = contribution.orElse(null);
    this.anchors = Set.copyOf(anchors);
  }

  @Override
  public void open(OpenContext context) {
    records = getRuntimeContext().getListState(
        new ListStateDescriptor<>("records", TypeInformation.of(Event.class)));
    events = getRuntimeContext().getLongCounter(EVENTS);
    processed = getRuntimeContext().getLongCounter(PROCESSED);
    downstreamOnly = getRuntimeContext().getLongCounter(DOWNSTREAM_ONLY);
  }

  @Override
  public void processElement(Event e, Context ctx, Collector<Finding> out) throws Exception {
    records.add(e);
    ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Finding> out) throws Exception {
    List<Event> all = new ArrayList<>();
    records.get().forEach(all::add);
    records.clear();
    Map<String, List<Event>> byId = new TreeMap<>();
    for (Event e : all) {
      byId.computeIfAbsent(e.eventId(), id -> new ArrayList<>()).add(e);
    }
    for (Map.Entry<String, List<Event>> id : byId.entrySet()) {
      check(new EventRecords(id.getKey(), id.getValue()), ctx, out);
    }
  }

  private void check(EventRecords r, OnTimerContext ctx, Collector<Finding> out) {
    count(r);
    for (EventIdCheck check : checks) {
      check.check(r).forEach(out::collect);
    }
    if (contribution != null) {
      contribution.of(r).ifPresent(c -> ctx.output(BUCKETS, c));
    }
    if (!anchors.isEmpty()) {
      List<Event> mine = new ArrayList<>(r.source());
      mine.addAll(r.downstream());
      if (mine.stream().anyMatch(e -> anchors.contains(Anchor.of(e)))) {
        mine.forEach(e -> ctx.output(ANCHORED, e));
      }
    }
  }

  private void count(EventRecords r) {
    if (r.isEvent()) {
      events.add(1);
      if (!r.downstream().isEmpty()) {
        processed.add(1);
      }
    } else {
      downstreamOnly.add(1);
    }
  }
}
