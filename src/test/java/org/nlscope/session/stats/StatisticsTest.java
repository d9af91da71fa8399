package org.nlscope.session.stats;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nlscope.model.Frame;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.MessageRow;
import org.nlscope.session.TestStores;

class StatisticsTest {

    @Test
    void countsFamiliesTypesErrorsAndKinds() {
        Statistics stats = Statistics.attach(TestStores.conversationWithProcesses());
        Statistics.Snapshot s = stats.snapshot();
        assertEquals(10, s.frames());
        assertEquals(11, s.messages());
        assertEquals(Map.of("NETLINK_ROUTE", 9L, "nlctrl", 1L, "nl80211", 1L), s.byFamily());
        assertEquals(5L, s.byType().get(new Statistics.TypeKey("NETLINK_ROUTE", "RTM_NEWLINK")));
        assertEquals(2L, s.byType().get(new Statistics.TypeKey("NETLINK_ROUTE", "NLMSG_ERROR")));
        assertEquals(1L, s.byType().get(new Statistics.TypeKey("nlctrl", "CTRL_CMD_NEWFAMILY")));
        assertEquals(Map.of("EEXIST", 1L), s.errorsByErrno());
        assertEquals(1, s.errors());
        assertEquals(4L, s.byKind().get(MessageRow.Kind.REQUEST));
        assertEquals(2L, s.byKind().get(MessageRow.Kind.DUMP_PART));
        assertEquals(1L, s.byKind().get(MessageRow.Kind.NOTIFICATION));
        assertEquals(1, s.buckets().size(), "nine milliseconds fit one second");
        assertEquals(11, s.buckets().get(0).messages());
    }

    @Test
    void bucketsFollowTimeAsFramesArrive() {
        CaptureStore store = new CaptureStore(TestStores.decoding());
        Statistics stats = Statistics.attach(store, 2_000_000);
        assertEquals(0, stats.snapshot().messages());
        List<Frame> frames = org.nlscope.session.TestStores.conversationFrames();
        frames.subList(0, 4).forEach(store::append);
        assertEquals(2, stats.snapshot().buckets().size());
        frames.subList(4, frames.size()).forEach(store::append);
        List<Statistics.Bucket> b = stats.snapshot().buckets();
        assertEquals(List.of(2L, 3L, 2L, 2L, 2L), b.stream().map(Statistics.Bucket::messages).toList());
        assertEquals(List.of(0L, 0L, 0L, 1L, 0L), b.stream().map(Statistics.Bucket::errors).toList());
        assertEquals(6_000_000, b.get(3).startNanos());
        assertEquals(Map.of("nlctrl", 1L, "nl80211", 1L), b.get(4).byFamily());
    }

    @Test
    void aCaptureSpanningAYearKeepsFewBucketsAndEveryCount() {
        CaptureStore store = new CaptureStore(TestStores.decoding());
        Statistics stats = Statistics.attach(store);
        List<Frame> frames = TestStores.conversationFrames();
        long day = 86_400 * Statistics.ONE_SECOND;
        for (int i = 0; i < frames.size(); i++) {   // one frame every 40 days: ~a year of seconds
            Frame f = frames.get(i);
            store.append(new Frame(f.timestampNanos() + i * 40 * day, f.linkType(), f.data(),
                    f.originalLength(), f.packetType(), f.comment()));
        }
        Statistics.Snapshot s = stats.snapshot();
        assertTrue(s.buckets().size() <= Statistics.MAX_CHART_BUCKETS, s.buckets().size() + " buckets");
        assertTrue(s.buckets().size() > Statistics.MAX_CHART_BUCKETS / 2, s.buckets().size() + " buckets");
        assertEquals(s.messages(), s.buckets().stream().mapToLong(Statistics.Bucket::messages).sum());
        assertEquals(s.errors(), s.buckets().stream().mapToLong(Statistics.Bucket::errors).sum());
        long width = s.bucketNanos();
        assertTrue(width > Statistics.ONE_SECOND && width % Statistics.ONE_SECOND == 0, "width " + width);
        long last = s.lastNanos() - s.firstNanos();
        assertTrue(s.buckets().get(s.buckets().size() - 1).startNanos() <= last
                && last < s.buckets().get(s.buckets().size() - 1).startNanos() + width, "the last frame is in the last bucket");
    }
}
