package org.nlscope.session.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.Direction;
import org.nlscope.model.DecodedMessage;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.MessageRow;
import org.nlscope.session.RowBuilder;
import org.nlscope.session.RowHeader;
import org.nlscope.uapi.Netlink;

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

    private static final class MutableBucket {
        long messages;
        long errors;
        final Map<String, Long> byFamily = new HashMap<>();
        final Map<TypeKey, Long> byType = new HashMap<>();
    }

    private final long bucketNanos;
    private long frames;
    private long messages;
    private long bytes;
    private long firstNanos = Long.MIN_VALUE;
    private long lastNanos;
    private final Map<String, Long> byFamily = new HashMap<>();
    private final Map<TypeKey, Long> byType = new HashMap<>();
    private final Map<String, Long> errorsByErrno = new HashMap<>();
    private final Map<MessageRow.Kind, Long> byKind = new EnumMap<>(MessageRow.Kind.class);
    /** Non-empty buckets by their index from the first frame. */
    private final SortedMap<Long, MutableBucket> buckets = new TreeMap<>();
    /**
     * What names a kind of message has: decoded once per (family, type, genl command, genl family,
     * direction, request flag); directional families (ethtool) name a command's reply apart.
     */
    private record NameKey(int family, int type, int command, String genlFamily, Direction direction, boolean request) {
    }

    private final Map<NameKey, TypeKey> names = new HashMap<>();
    private final Map<Integer, String> errnoNames = new HashMap<>();

    private Statistics(long bucketNanos) {
        if (bucketNanos <= 0) {
            throw new IllegalArgumentException("bucket width must be positive: " + bucketNanos);
        }
        this.bucketNanos = bucketNanos;
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
        MutableBucket b = bucket(store.index().frameTime(number), store.index().capturedLength(number));
        int end = store.index().rowsEnd(number);
        Direction direction = store.index().frameDirection(number);
        for (int row = store.firstRowOf(number); row < end; row++) {
            countRow(store, number, direction, b, row);
        }
    }

    /**
     * Counts some rows of one frame from the index, as if the frame held only them (the Statistics
     * window's count of what a display filter shows): {@code rows[from, to)}, each a row of frame {@code number}.
     */
    public synchronized void addRows(CaptureStore store, int number, int[] rows, int from, int to) {
        MutableBucket b = bucket(store.index().frameTime(number), store.index().capturedLength(number));
        Direction direction = store.index().frameDirection(number);
        for (int i = from; i < to; i++) {
            countRow(store, number, direction, b, rows[i]);
        }
    }

    private void countRow(CaptureStore store, int number, Direction direction, MutableBucket b, int row) {
        RowHeader h = store.index().header(row);
        if (h == null) {
            byKind.merge(MessageRow.Kind.MALFORMED, 1L, Long::sum);
            return;
        }
        String genl = h.family() == Netlink.NETLINK_GENERIC ? store.context(number).genlFamily(h.type()) : null;
        NameKey nameKey = new NameKey(h.family(), h.type(), h.command(), genl, direction, h.isRequest());
        TypeKey key = names.get(nameKey);
        if (key == null) {
            DecodedMessage m = store.message(row);
            key = new TypeKey(RowBuilder.familyName(store.decoded(number), m), RowBuilder.typeName(m));
            names.put(nameKey, key);
        }
        String errno = null;
        if (h.kind() == MessageRow.Kind.ERROR) {
            errno = errnoNames.get(h.errorCode());
            if (errno == null) {
                errno = errnoName(store.message(row));
                errnoNames.put(h.errorCode(), errno);
            }
        }
        count(b, key, h.kind(), errno);
    }

    /** Counts a decoded frame: what the index's counts must match, message by message. */
    public synchronized void add(DecodedFrame frame) {
        MutableBucket b = bucket(frame.frame().timestampNanos(), frame.frame().capturedLength());
        if (frame.messages().isEmpty()) {
            byKind.merge(MessageRow.Kind.MALFORMED, 1L, Long::sum);
            return;
        }
        for (DecodedMessage m : frame.messages()) {
            MessageRow.Kind kind = RowBuilder.kindOf(m, frame.direction());
            count(b, new TypeKey(RowBuilder.familyName(frame, m), RowBuilder.typeName(m)), kind,
                    kind == MessageRow.Kind.ERROR ? errnoName(m) : null);
        }
    }

    private MutableBucket bucket(long t, int capturedLength) {
        if (firstNanos == Long.MIN_VALUE) {
            firstNanos = t;
        }
        lastNanos = Math.max(lastNanos, t);
        frames++;
        bytes += capturedLength;
        return buckets.computeIfAbsent(Math.max(0, (t - firstNanos) / bucketNanos), i -> new MutableBucket());
    }

    private void count(MutableBucket b, TypeKey key, MessageRow.Kind kind, String errno) {
        messages++;
        b.messages++;
        byFamily.merge(key.family(), 1L, Long::sum);
        byType.merge(key, 1L, Long::sum);
        b.byFamily.merge(key.family(), 1L, Long::sum);
        b.byType.merge(key, 1L, Long::sum);
        byKind.merge(kind, 1L, Long::sum);
        if (errno != null) {
            b.errors++;
            errorsByErrno.merge(errno, 1L, Long::sum);
        }
    }

    private static String errnoName(DecodedMessage m) {
        if (m == null || m.error() == null) {
            return "errno ?";
        }
        return m.error().name() != null ? m.error().name() : "errno " + (-m.error().code());
    }

    public synchronized Snapshot snapshot() {
        long span = buckets.isEmpty() ? 0 : buckets.lastKey() + 1;
        long factor = Math.max(1, (span + MAX_CHART_BUCKETS - 1) / MAX_CHART_BUCKETS);
        MutableBucket[] wide = new MutableBucket[(int) ((span + factor - 1) / factor)];
        for (Map.Entry<Long, MutableBucket> e : buckets.entrySet()) {
            int i = (int) (e.getKey() / factor);
            wide[i] = wide[i] == null && factor == 1 ? e.getValue() : merged(wide[i], e.getValue());
        }
        List<Bucket> out = new ArrayList<>(wide.length);
        for (int i = 0; i < wide.length; i++) {
            MutableBucket b = wide[i] == null ? new MutableBucket() : wide[i];
            out.add(new Bucket(i * factor * bucketNanos, b.messages, b.errors, sorted(b.byFamily), sortedTypes(b.byType)));
        }
        return new Snapshot(frames, messages, bytes, firstNanos == Long.MIN_VALUE ? 0 : firstNanos, lastNanos,
                factor * bucketNanos, sorted(byFamily), sortedTypes(byType), sorted(errorsByErrno),
                Collections.unmodifiableMap(new EnumMap<>(byKind)), List.copyOf(out));
    }

    /** Into a fresh bucket (the live ones stay as they are): {@code into} plus {@code b}. */
    private static MutableBucket merged(MutableBucket into, MutableBucket b) {
        MutableBucket m = new MutableBucket();
        for (MutableBucket part : into == null ? List.of(b) : List.of(into, b)) {
            m.messages += part.messages;
            m.errors += part.errors;
            part.byFamily.forEach((k, v) -> m.byFamily.merge(k, v, Long::sum));
            part.byType.forEach((k, v) -> m.byType.merge(k, v, Long::sum));
        }
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
