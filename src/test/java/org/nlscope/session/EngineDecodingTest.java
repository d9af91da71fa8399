package org.nlscope.session;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlscope.session.filter.DisplayFilter;
import org.nlscope.session.transactions.Offender;
import org.nlscope.session.transactions.Transactions;

/** The store, filter and transactions over the real decode engine and its built-in dissectors. */
class EngineDecodingTest {

    private static CaptureStore store() {
        CaptureStore s = new CaptureStore(EngineDecoding.load(List.of()));
        Conversation.frames().forEach(s::append);
        return s;
    }

    @Test
    void rowsFromTheEngine() {
        CaptureStore store = store();
        assertEquals(11, store.size());
        List<MessageRow> rows = store.rows(0, store.size());
        assertEquals(List.of(MessageRow.Kind.REQUEST, MessageRow.Kind.ACK, MessageRow.Kind.REQUEST,
                MessageRow.Kind.DUMP_PART, MessageRow.Kind.DUMP_PART, MessageRow.Kind.DONE, MessageRow.Kind.REQUEST,
                MessageRow.Kind.ERROR, MessageRow.Kind.NOTIFICATION, MessageRow.Kind.REPLY, MessageRow.Kind.REQUEST),
                rows.stream().map(MessageRow::kind).toList());
        assertEquals("NLMSG_ERROR", rows.get(7).typeName());
        assertTrue(rows.get(7).info().contains("EEXIST"), rows.get(7).info());
        assertEquals("NLMSG_DONE", rows.get(5).typeName());
        assertEquals("NETLINK_ROUTE", rows.get(0).familyName());
    }

    @Test
    void genericFamilyIdsAreLearnedInOrder() {
        CaptureStore store = store();
        assertNull(store.context(9).genlFamily(28));
        assertEquals("nl80211", store.context(10).genlFamily(28));
        assertEquals(store.context(1).genlFamilies(), store.context(9).genlFamilies(),
                "no frame before the nlctrl reply taught a genl family");
        assertEquals("nl80211", store.row(10).familyName());
    }

    @Test
    void filtersAndTransactionsOnEngineOutput() throws Exception {
        CaptureStore store = store();
        assertArrayEquals(new int[] {7}, DisplayFilter.parse("errno == EEXIST").matchingRows(store, 0, store.size()));
        assertArrayEquals(new int[] {7}, DisplayFilter.parse("NLMSGERR_ATTR_MSG ~ already").matchingRows(store, 0, store.size()));
        assertArrayEquals(new int[] {1}, DisplayFilter.parse("ack").matchingRows(store, 0, store.size()));
        assertArrayEquals(new int[] {10}, DisplayFilter.parse("family == nl80211").matchingRows(store, 0, store.size()));
        assertArrayEquals(new int[] {2}, DisplayFilter.parse("flags & NLM_F_DUMP").matchingRows(store, 0, store.size()));
        Transactions tx = Transactions.attach(store);
        assertEquals(-17, tx.ofRow(7).errorCode());
        Offender o = tx.offender(7);
        assertEquals(6, o.requestRow());
        assertEquals("Link already exists", o.kernelMessage());
        assertNotNull(o.path(), "the capped echo is resolved against the request in the capture");
    }
}
