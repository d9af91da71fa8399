package org.nlscope.session;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.Direction;
import org.nlscope.model.Frame;

class CaptureStoreTest {

    @Test
    void oneRowPerMessageWithItsKind() {
        CaptureStore store = Conversation.store();
        assertEquals(10, store.frameCount());
        assertEquals(11, store.size());
        List<MessageRow> rows = store.rows(0, store.size());
        List<MessageRow.Kind> kinds = rows.stream().map(MessageRow::kind).toList();
        assertEquals(List.of(MessageRow.Kind.REQUEST, MessageRow.Kind.ACK, MessageRow.Kind.REQUEST,
                MessageRow.Kind.DUMP_PART, MessageRow.Kind.DUMP_PART, MessageRow.Kind.DONE, MessageRow.Kind.REQUEST,
                MessageRow.Kind.ERROR, MessageRow.Kind.NOTIFICATION, MessageRow.Kind.REPLY, MessageRow.Kind.REQUEST), kinds);
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(i, rows.get(i).index());
        }
        MessageRow second = rows.get(4);
        assertEquals(4, second.frameNumber());
        assertEquals(1, second.messageIndex());
        assertEquals("RTM_NEWLINK #2 dum0 mtu 1400 UP", second.info());
        assertEquals("MULTI", second.flagsText());
        assertEquals(Conversation.T0 + 3_000_000, second.timeNanos());
        MessageRow add = rows.get(0);
        assertEquals("NETLINK_ROUTE", add.familyName());
        assertEquals("RTM_NEWLINK", add.typeName());
        assertEquals(Direction.TO_KERNEL, add.direction());
        assertEquals(1, add.seq());
        assertEquals(Conversation.PORT, add.portId());
        assertEquals(Conversation.ADD_DUM0.length, add.length());
        assertEquals("REQUEST|ACK|EXCL|CREATE", add.flagsText());
        assertEquals("NLMSG_ERROR -EEXIST: File exists (Link already exists)", rows.get(7).info());
    }

    @Test
    void rowAndFrameLookupsAgree() {
        CaptureStore store = Conversation.store();
        for (int r = 0; r < store.size(); r++) {
            int f = store.frameOfRow(r);
            int m = store.messageOfRow(r);
            assertEquals(r, store.rowOf(f, m));
            assertSame(store.decoded(f).messages().get(m), store.message(r));
        }
    }

    @Test
    void contextIsLearnedInOrderAndSharedWhileUnchanged() {
        CaptureStore store = Conversation.store();
        for (int f = 2; f <= 4; f++) {
            assertSame(store.context(1), store.context(f), "frame " + f);
        }
        // the link dump of frame 4 names interfaces 1 and 2, the notification of frame 8 names 3
        assertNotSame(store.context(4), store.context(5));
        assertEquals("dum0", store.context(5).interfaceName(2));
        assertNull(store.context(4).interfaceName(2));
        for (int f = 6; f <= 8; f++) {
            assertSame(store.context(5), store.context(f), "frame " + f);
        }
        assertEquals("dum1", store.context(9).interfaceName(3));
        assertNotSame(store.context(9), store.context(10));
        assertEquals("nl80211", store.context(10).genlFamily(28));
        assertNull(store.context(9).genlFamily(28));
        assertEquals("nl80211", store.row(10).familyName());
    }

    @Test
    void cacheIsBoundedAndRedecodesTheSame() {
        CaptureStore store = new CaptureStore(TestStores.decoding(), 4);
        List<Frame> frames = Conversation.frames();
        for (int i = 0; i < 50; i++) {
            store.append(frames.get(i % frames.size()));
        }
        assertTrue(store.cachedFrames() <= 4);
        // from the second round on, every frame decodes with the interface names the first round taught
        DecodedFrame again = store.decoded(14);
        assertEquals(2, again.messages().size());
        assertEquals(store.decoded(24).messages(), again.messages());
        assertTrue(store.cachedFrames() <= 4);
    }

    @Test
    void subscribeReplaysThePastThenFollows() {
        CaptureStore store = new CaptureStore(TestStores.decoding());
        List<Frame> frames = Conversation.frames();
        frames.subList(0, 4).forEach(store::append);
        List<Integer> seen = new ArrayList<>();
        List<Integer> firstRows = new ArrayList<>();
        store.subscribe((s, number) -> {
            seen.add(number);
            firstRows.add(s.firstRowOf(number));
        });
        frames.subList(4, frames.size()).forEach(store::append);
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), seen);
        assertEquals(List.of(0, 1, 2, 3, 5, 6, 7, 8, 9, 10), firstRows);
    }

    @Test
    void readersSeeAConsistentPrefixWhileTheWriterAppends() throws Exception {
        CaptureStore store = new CaptureStore(TestStores.decoding(), 64);
        List<Frame> frames = Conversation.frames();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 3000; i++) {
                store.append(frames.get(i % frames.size()));
            }
        });
        writer.start();
        int read = 0;
        while (writer.isAlive() || read < store.size()) {
            int size = store.size();
            List<MessageRow> batch = store.rows(read, size);
            for (MessageRow row : batch) {
                if (row.index() != read) {
                    failure.set(new AssertionError("row " + row.index() + " where " + read + " was expected"));
                }
                read++;
            }
        }
        writer.join();
        assertNull(failure.get());
        assertEquals(3300, read);
        assertEquals(3300, store.size());
    }
}
