package org.nlscope.session.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nlscope.decode.DecodeContext;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.MessageRow;
import org.nlscope.session.RowBuilder;

/**
 * Counts of a store's messages, kept up to date as frames arrive: totals, per family and
 * message type, errors by errno, and the same per time bucket (one second by default) for a chart.
 *
 * <p>Threading: fed by the store's writer thread; {@link #snapshot()} from any thread.
 */
public final class Statistics implements CaptureStore.Listener {
    public static final long ONE_SECOND = 1_000_000_000L;

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
     * @param buckets       the time buckets in order, gaps included
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
    private final List<MutableBucket> buckets = new ArrayList<>();

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

    @Override
    public synchronized void frameAdded(DecodedFrame frame, DecodeContext context, int firstRow) {
        long t = frame.frame().timestampNanos();
        if (firstNanos == Long.MIN_VALUE) {
            firstNanos = t;
        }
        lastNanos = Math.max(lastNanos, t);
        frames++;
        bytes += frame.frame().capturedLength();
        int index = (int) Math.min(Integer.MAX_VALUE - 1, Math.max(0, (t - firstNanos) / bucketNanos));
        while (buckets.size() <= index) {
            buckets.add(new MutableBucket());
        }
        MutableBucket b = buckets.get(index);
        if (frame.messages().isEmpty()) {
            byKind.merge(MessageRow.Kind.MALFORMED, 1L, Long::sum);
            return;
        }
        for (int i = 0; i < frame.messages().size(); i++) {
            DecodedMessage m = frame.messages().get(i);
            MessageRow.Kind kind = RowBuilder.kindOf(m, frame.direction());
            TypeKey key = new TypeKey(RowBuilder.familyName(frame, m), RowBuilder.typeName(m));
            messages++;
            b.messages++;
            byFamily.merge(key.family(), 1L, Long::sum);
            byType.merge(key, 1L, Long::sum);
            b.byFamily.merge(key.family(), 1L, Long::sum);
            b.byType.merge(key, 1L, Long::sum);
            byKind.merge(kind, 1L, Long::sum);
            if (kind == MessageRow.Kind.ERROR) {
                b.errors++;
                String errno = m.error().name() != null ? m.error().name() : "errno " + (-m.error().code());
                errorsByErrno.merge(errno, 1L, Long::sum);
            }
        }
    }

    public synchronized Snapshot snapshot() {
        List<Bucket> out = new ArrayList<>(buckets.size());
        for (int i = 0; i < buckets.size(); i++) {
            MutableBucket b = buckets.get(i);
            out.add(new Bucket(i * bucketNanos, b.messages, b.errors, sorted(b.byFamily), sortedTypes(b.byType)));
        }
        return new Snapshot(frames, messages, bytes, firstNanos == Long.MIN_VALUE ? 0 : firstNanos, lastNanos,
                bucketNanos, sorted(byFamily), sortedTypes(byType), sorted(errorsByErrno),
                Collections.unmodifiableMap(new EnumMap<>(byKind)), List.copyOf(out));
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
