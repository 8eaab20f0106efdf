package io.mirrorwatch.reconciler.checks;

import io.mirrorwatch.reconciler.finding.BucketTotals;
import io.mirrorwatch.reconciler.finding.Finding;
import io.mirrorwatch.reconciler.source.Anchor;
import io.mirrorwatch.reconciler.source.Event;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.graph.StreamConfig;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;

/**
 * Runs the {@link EventIdCheck}s over the records of each event. Its input is keyed by {@link
 * SortKey}, and in BATCH mode Flink sorts a keyed operator's input by key ({@link
 * StreamConfig.InputRequirement#SORTED}); an event's records have keys with equal {@link
 * SortKey#event()}, which sort next to each other. So an event's records are complete when a record
 * of another event starts, or when the input ends, and only the current event's records are held.
 * The records of a run are split by event ID first: IDs whose hashes collide are checked apart, as
 * if keyed by the ID itself.
 *
 * <p>It tells events apart by {@link EventBits} of the record's ID, which must be the key's {@link
 * SortKey#event()} (in the job: {@link SortKey#eventOf}), and only where the ID differs from the
 * previous record's. It holds no keyed state and sets no timers, so it declares no key context
 * ({@link #hasKeyContext1()}): Flink then does not set the current key for each record, which would
 * cost a third computation of the key, and its batch state backend's clearing of the operator's
 * states at each new key, that is at every record (a {@link SortKey}'s low byte differs between an
 * event's records).
 *
 * <p>With aggregates configured, each event's {@link EventContribution} leaves on the side output
 * {@link #BUCKETS}, to be summed per bucket and group key downstream of this operator.
 *
 * <p>For the offset checks it also reports, on the side output {@link #ANCHORED}, every record of
 * an event that holds one of the {@link Anchor}s: this is the one place that sees an event's
 * records on both clusters together, so it is where the anchor's copy on the other cluster is
 * found.
 */
public final class EventIdChecksOperator extends AbstractStreamOperator<Finding>
    implements OneInputStreamOperator<Event, Finding>, BoundedOneInput {
  private static final long serialVersionUID = 1L;
  public static final String EVENTS = "mirrorwatch-events";
  public static final String PROCESSED = "mirrorwatch-events-processed";
  public static final String DOWNSTREAM_ONLY = "mirrorwatch-downstream-only";
  public static final OutputTag<BucketTotals> BUCKETS =
      new OutputTag<>("bucket-contributions", TypeInformation.of(BucketTotals.class));
  public static final OutputTag<Event> ANCHORED =
      new OutputTag<>("anchored", TypeInformation.of(Event.class));

  private final List<EventIdCheck> checks;

  /**
   * Null when aggregates are not configured (Java-serialized with the operator, so no Optional).
   */
  private final EventContribution contribution;

  private final Set<Anchor> anchors;
  private final EventBits eventBits;

  /** The current run's records, in arrival order: all with the same {@link EventBits}. */
  private transient List<Event> run;

  private transient long runEvent;
  private transient LongCounter events;
  private transient LongCounter processed;
  private transient LongCounter downstreamOnly;

  /** The bits that the keys of an event's records share, from the event's ID. */
  @FunctionalInterface
  public interface EventBits extends Serializable {
    long of(String eventId);
  }

  /**
   * @param eventBits of the key the input is sorted by
   */
  public EventIdChecksOperator(List<EventIdCheck> checks, EventBits eventBits) {
    this(checks, Optional.empty(), Set.of(), eventBits);
  }

  public EventIdChecksOperator(
      List<EventIdCheck> checks,
      Optional<EventContribution> contribution,
      Set<Anchor> anchors,
      EventBits eventBits) {
    this.checks = List.copyOf(checks);
    this.contribution = contribution.orElse(null);
    this.anchors = Set.copyOf(anchors);
    this.eventBits = eventBits;
  }

  /**
   * Refuses to run on unsorted input (STREAMING mode): it would judge events on partial records.
   */
  @Override
  public void open() throws Exception {
    super.open();
    StreamConfig.InputConfig[] inputs = getOperatorConfig().getInputs(getUserCodeClassloader());
    if (inputs.length != 1 || !StreamConfig.requiresSorting(inputs[0])) {
      throw new IllegalStateException(
          "the event-ID checks need their input sorted by key: run the job "
              + "keyed and in BATCH execution mode");
    }
    run = new ArrayList<>();
    events = getRuntimeContext().getLongCounter(EVENTS);
    processed = getRuntimeContext().getLongCounter(PROCESSED);
    downstreamOnly = getRuntimeContext().getLongCounter(DOWNSTREAM_ONLY);
  }

  /** No keyed state, no timers: Flink need not set the current key for each record. */
  @Override
  public boolean hasKeyContext1() {
    return false;
  }

  @Override
  public void processElement(StreamRecord<Event> element) {
    Event e = element.getValue();
    String id = e.eventId();
    if (run.isEmpty()) {
      runEvent = eventBits.of(id);
    } else if (!id.equals(run.get(run.size() - 1).eventId())) { // the same ID has the same bits
      long event = eventBits.of(id);
      if (event != runEvent) {
        judgeRun();
        runEvent = event;
      }
    }
    run.add(e);
  }

  @Override
  public void endInput() {
    judgeRun();
  }

  private void judgeRun() {
    if (run.isEmpty()) {
      return;
    }
    String first = run.get(0).eventId();
    int same = 0;
    while (same < run.size() && run.get(same).eventId().equals(first)) {
      same++;
    }
    if (same == run.size()) {
      judge(new EventRecords(first, run));
    } else {
      Map<String, List<Event>> byId = new TreeMap<>();
      for (Event e : run) {
        byId.computeIfAbsent(e.eventId(), id -> new ArrayList<>()).add(e);
      }
      byId.forEach((id, records) -> judge(new EventRecords(id, records)));
    }
    run.clear();
  }

  private void judge(EventRecords r) {
    count(r);
    for (EventIdCheck check : checks) {
      for (Finding f : check.check(r)) {
        output.collect(new StreamRecord<>(f));
      }
    }
    if (contribution != null) {
      contribution.of(r).ifPresent(c -> output.collect(BUCKETS, new StreamRecord<>(c)));
    }
    if (!anchors.isEmpty()) {
      List<Event> mine = new ArrayList<>(r.source());
      mine.addAll(r.downstream());
      if (mine.stream().anyMatch(e -> anchors.contains(Anchor.of(e)))) {
        mine.forEach(e -> output.collect(ANCHORED, new StreamRecord<>(e)));
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
