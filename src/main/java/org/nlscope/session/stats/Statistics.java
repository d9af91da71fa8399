package org.nlscope.session.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.Direction;
import org.nlscope.model.DecodedMessage;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.MessageRow;
import org.nlscope.session.RowBuilder;
import org.nlscope.session.StoreIndex;

/**
 * Counts of a store's messages, kept up to date as frames arrive: totals, per family and
 * message type, errors by errno, and the same per time bucket (one second by default) for a chart.
 * Buckets are kept only where frames fell (a capture may span months), and a snapshot widens
 * them to at most {@link #MAX_CHART_BUCKETS}.
 *
 * <p>Threading: fed by the store's writer thread; {@link #snapshot()} from any thread.
 */
public final class Statistics implements CaptureStore.Listener {
    public static final long ONE_SECOND = 1_000_000_000L;
    /** A snapshot holds at most this many buckets; wider ones when the capture spans more. */
    public static final int MAX_CHART_BUCKETS = 10_000;

    /** A message type within a family, as the table names them ("NETLINK_ROUTE", "RTM_NEWLINK"). */
    public record TypeKey(String family, String type) {
        @Override
        public String toString() {
            return family + " " + type;
        }
    }

    /**
     * The counts of one time bucket.
     *
     * @param startNanos where it starts, relative to the first frame
     * @param messages   messages in it
     * @param errors     NLMSG_ERROR messages with a non-zero code in it
     * @param byFamily   messages per family
     * @param byType     messages per family and type
     */
    public record Bucket(long startNanos, long messages, long errors, Map<String, Long> byFamily,
                         Map<TypeKey, Long> byType) {
    }

    /**
     * Everything counted so far; maps are sorted by key and unmodifiable.
     *
     * @param frames        frames seen
     * @param messages      messages seen
     * @param bytes         captured bytes
     * @param firstNanos    time of the first frame (0 when none)
     * @param lastNanos     time of the latest frame
     * @param bucketNanos   width of a bucket
     * @param byFamily      messages per family
     * @param byType        messages per family and type
     * @param errorsByErrno NLMSG_ERROR messages with a non-zero code, per errno name (EEXIST)
     * @param byKind        messages per role
     * @param buckets       the time buckets in order, gaps included, at most {@link #MAX_CHART_BUCKETS}
     */
    public record Snapshot(long frames, long messages, long bytes, long firstNanos, long lastNanos, long bucketNanos,
                           Map<String, Long> byFamily, Map<TypeKey, Long> byType, Map<String, Long> errorsByErrno,
                           Map<MessageRow.Kind, Long> byKind, List<Bucket> buckets) {

        public long errors() {
            return errorsByErrno.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static final MessageRow.Kind[] KINDS = MessageRow.Kind.values();

    private final long bucketNanos;
    /** The width of the live buckets: bucketNanos, doubled while the capture spans more than twice the chart. */
    private long liveNanos;
    private long frames;
    private long messages;
    private long bytes;
    private long firstNanos = Long.MIN_VALUE;
    private long lastNanos;
    private final MessageKinds kinds = new MessageKinds();
    /** Messages per kind id. */
    private long[] byType = new long[64];
    private final long[] byKind = new long[KINDS.length];
    private final Map<String, Long> errorsByErrno = new HashMap<>();
    /** Non-empty buckets by their index from the first frame; at most 2 x MAX_CHART_BUCKETS. */
    private TreeMap<Long, TypeCounts> buckets = new TreeMap<>();
    private Statistics(long bucketNanos) {
        if (bucketNanos <= 0) {
            throw new IllegalArgumentException("bucket width must be positive: " + bucketNanos);
        }
        this.bucketNanos = bucketNanos;
        this.liveNanos = bucketNanos;
    }

    /** Per-second statistics of a store: of the frames already there, then of each new one. */
    public static Statistics attach(CaptureStore store) {
        return attach(store, ONE_SECOND);
    }

    public static Statistics attach(CaptureStore store, long bucketNanos) {
        Statistics s = new Statistics(bucketNanos);
        store.subscribe(s);
        return s;
    }

    /** Statistics fed by hand (for the command line, which reads without a store). */
    public static Statistics detached(long bucketNanos) {
        return new Statistics(bucketNanos);
    }

    /** Counts a store's new frame from its index; names are decoded once per kind of message. */
    @Override
    public synchronized void frameAdded(CaptureStore store, int number) {
        StoreIndex index = store.index();
        TypeCounts b = bucket(index.frameTime(number), index.capturedLength(number));
        int end = index.rowsEnd(number);
        Direction direction = index.frameDirection(number);
        int family = index.frameFamily(number);
        for (int row = store.firstRowOf(number); row < end; row++) {
            countRow(store, number, family, direction, b, row);
        }
    }

    /**
     * Counts some rows of one frame from the index, as if the frame held only them (the Statistics
     * window's count of what a display filter shows): {@code rows[from, to)}, each a row of frame {@code number}.
     */
    public synchronized void addRows(CaptureStore store, int number, int[] rows, int from, int to) {
        StoreIndex index = store.index();
        TypeCounts b = bucket(index.frameTime(number), index.capturedLength(number));
        Direction direction = index.frameDirection(number);
        int family = index.frameFamily(number);
        for (int i = from; i < to; i++) {
            countRow(store, number, family, direction, b, rows[i]);
        }
    }

    private void countRow(CaptureStore store, int number, int family, Direction direction, TypeCounts b, int row) {
        StoreIndex index = store.index();
        if (!index.hasMessage(row)) {
            byKind[MessageRow.Kind.MALFORMED.ordinal()]++;
            return;
        }
        MessageRow.Kind kind = index.kind(row);
        count(b, kinds.of(store, number, family, direction, row), kind,
                kind == MessageRow.Kind.ERROR ? kinds.errno(store, row) : null);
    }

    /** Counts a decoded frame: what the index's counts must match, message by message. */
    public synchronized void add(DecodedFrame frame) {
        TypeCounts b = bucket(frame.frame().timestampNanos(), frame.frame().capturedLength());
        if (frame.messages().isEmpty()) {
            byKind[MessageRow.Kind.MALFORMED.ordinal()]++;
            return;
        }
        for (DecodedMessage m : frame.messages()) {
            MessageRow.Kind kind = RowBuilder.kindOf(m, frame.direction());
            TypeKey key = new TypeKey(RowBuilder.familyName(frame, m), RowBuilder.typeName(m));
            count(b, kinds.of(key, null), kind, kind == MessageRow.Kind.ERROR ? MessageKinds.errnoName(m) : null);
        }
    }

    private TypeCounts bucket(long t, int capturedLength) {
        if (firstNanos == Long.MIN_VALUE) {
            firstNanos = t;
        }
        lastNanos = Math.max(lastNanos, t);
        frames++;
        bytes += capturedLength;
        long i = Math.max(0, (t - firstNanos) / liveNanos);
        while (i >= 2L * MAX_CHART_BUCKETS) {
            widen();
            i >>= 1;
        }
        TypeCounts b = buckets.get(i);
        if (b == null) {
            b = new TypeCounts();
            buckets.put(i, b);
        }
        return b;
    }

    /** Doubles the live buckets' width, so a capture spanning months keeps at most 2 x MAX_CHART_BUCKETS of them. */
    private void widen() {
        TreeMap<Long, TypeCounts> wider = new TreeMap<>();
        for (Map.Entry<Long, TypeCounts> e : buckets.entrySet()) {
            wider.computeIfAbsent(e.getKey() >> 1, k -> new TypeCounts()).addAll(e.getValue());
        }
        buckets = wider;
        liveNanos *= 2;
    }

    private void count(TypeCounts b, int id, MessageRow.Kind kind, String errno) {
        messages++;
        b.messages++;
        if (id >= byType.length) {
            byType = Arrays.copyOf(byType, Math.max(id + 1, byType.length * 2));
        }
        byType[id]++;
        b.add(id, 1);
        byKind[kind.ordinal()]++;
        if (errno != null) {
            b.errors++;
            errorsByErrno.merge(errno, 1L, Long::sum);
        }
    }

    public synchronized Snapshot snapshot() {
        long span = buckets.isEmpty() ? 0 : buckets.lastKey() + 1;
        long factor = Math.max(1, (span + MAX_CHART_BUCKETS - 1) / MAX_CHART_BUCKETS);
        TypeCounts[] wide = new TypeCounts[(int) ((span + factor - 1) / factor)];
        for (Map.Entry<Long, TypeCounts> e : buckets.entrySet()) {
            int i = (int) (e.getKey() / factor);
            if (wide[i] == null) {
                wide[i] = new TypeCounts();
            }
            wide[i].addAll(e.getValue());
        }
        List<Bucket> out = new ArrayList<>(wide.length);
        for (int i = 0; i < wide.length; i++) {
            TypeCounts b = wide[i] == null ? new TypeCounts() : wide[i];
            Map<TypeKey, Long> types = new HashMap<>();
            for (int k = 0; k < b.kinds(); k++) {
                types.merge(kinds.key(b.id(k)), b.count(k), Long::sum);
            }
            out.add(new Bucket(i * factor * liveNanos, b.messages, b.errors, sorted(families(types)), sortedTypes(types)));
        }
        Map<TypeKey, Long> types = new HashMap<>();
        for (int id = 0; id < kinds.size() && id < byType.length; id++) {
            if (byType[id] > 0) {
                types.merge(kinds.key(id), byType[id], Long::sum);
            }
        }
        Map<MessageRow.Kind, Long> roles = new EnumMap<>(MessageRow.Kind.class);
        for (MessageRow.Kind k : KINDS) {
            if (byKind[k.ordinal()] > 0) {
                roles.put(k, byKind[k.ordinal()]);
            }
        }
        return new Snapshot(frames, messages, bytes, firstNanos == Long.MIN_VALUE ? 0 : firstNanos, lastNanos,
                factor * liveNanos, sorted(families(types)), sortedTypes(types), sorted(errorsByErrno),
                Collections.unmodifiableMap(roles), List.copyOf(out));
    }

    private static Map<String, Long> families(Map<TypeKey, Long> types) {
        Map<String, Long> m = new HashMap<>();
        types.forEach((k, v) -> m.merge(k.family(), v, Long::sum));
        return m;
    }

    private static Map<String, Long> sorted(Map<String, Long> m) {
        return Collections.unmodifiableMap(new TreeMap<>(m));
    }

    private static Map<TypeKey, Long> sortedTypes(Map<TypeKey, Long> m) {
        TreeMap<TypeKey, Long> t = new TreeMap<>((a, b) -> a.family().equals(b.family())
                ? a.type().compareTo(b.type()) : a.family().compareTo(b.family()));
        t.putAll(m);
        return Collections.unmodifiableMap(t);
    }
}
