package org.nlscope.session.transactions;

import static org.junit.jupiter.api.Assertions.*;
import static org.nlscope.session.NetlinkTestFrames.*;
import static org.nlscope.uapi.Rtnetlink.RTM_GETLINK;
import static org.nlscope.uapi.Rtnetlink.RTM_NEWLINK;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.TestStores;

class TransactionsTest {

    @Test
    void pairsRequestsWithTheirAnswers() {
        CaptureStore store = TestStores.conversationWithProcesses();
        Transactions tx = Transactions.attach(store);
        assertEquals(4, tx.size());

        Transaction add = tx.ofRow(0);
        assertEquals(List.of(0, 1), add.rows());
        assertEquals(1, add.ackRow());
        assertEquals(0, add.errorCode());
        assertEquals(1_000_000, add.firstReplyNanos());
        assertEquals(1_000_000, add.completionNanos());
        assertSame(add.id(), tx.ofRow(1).id());

        Transaction dump = tx.ofRow(4);
        assertEquals(2, dump.requestRow());
        assertEquals(List.of(3, 4), dump.replyRows());
        assertEquals(5, dump.doneRow());
        assertEquals(1_000_000, dump.firstReplyNanos());
        assertEquals(2_000_000, dump.completionNanos());

        Transaction failed = tx.ofRow(7);
        assertEquals(6, failed.requestRow());
        assertEquals(-17, failed.errorCode());
        assertTrue(failed.failed());
        assertTrue(failed.isComplete());

        assertNull(tx.ofRow(8), "a notification answers nothing");
        assertNull(tx.ofRow(9), "an nlctrl reply whose request is not in the capture");

        Transaction open = tx.ofRow(10);
        assertFalse(open.isComplete());
        assertEquals(-1, open.firstReplyNanos());
        assertEquals(-1, open.firstResponseRow());
    }

    @Test
    void goesToRequestAndResponse() {
        Transactions tx = Transactions.attach(TestStores.conversationWithProcesses());
        assertEquals(2, tx.requestRowOf(4));
        assertEquals(2, tx.requestRowOf(2));
        assertEquals(3, tx.responseRowOf(2));
        assertEquals(5, tx.responseRowOf(3));
        assertEquals(-1, tx.responseRowOf(5), "DONE completes the dump: nowhere further to go");
        assertEquals(1, tx.responseRowOf(0));
        assertEquals(-1, tx.requestRowOf(8));
        assertEquals(-1, tx.responseRowOf(10));
    }

    @Test
    void aRequestWithPortZeroLearnsItsPortFromTheFirstAnswer() {
        CaptureStore store = new CaptureStore(TestStores.decoding());
        byte[] get = msg(RTM_GETLINK, F_REQUEST | F_DUMP, 7, 0, ifinfomsg(0, 0));
        byte[] other = msg(RTM_GETLINK, F_REQUEST | F_DUMP, 7, 555, ifinfomsg(0, 0));
        store.append(frame(0, 0, get));                                                   // row 0, port 0
        store.append(frame(10, 0, other));                                                // row 1, port 555
        store.append(frame(20, 0, msg(RTM_NEWLINK, F_MULTI, 7, 555, ifinfomsg(1, 1))));  // row 2 -> 555
        store.append(frame(30, 0, msg(RTM_NEWLINK, F_MULTI, 7, 9001, ifinfomsg(1, 1)))); // row 3 -> port 0 one
        store.append(frame(40, 0, done(7, 9001)));                                        // row 4
        store.append(frame(50, 0, done(7, 555)));                                         // row 5
        Transactions tx = Transactions.attach(store);
        Transaction first = tx.ofRow(0);
        assertEquals(9001, first.portId());
        assertEquals(List.of(3), first.replyRows());
        assertEquals(4, first.doneRow());
        assertEquals(40, first.completionNanos());
        Transaction second = tx.ofRow(1);
        assertEquals(List.of(2), second.replyRows());
        assertEquals(5, second.doneRow());
        assertEquals(10, second.firstReplyNanos());
    }

    @Test
    void growsWhileRowsArrive() {
        CaptureStore store = new CaptureStore(TestStores.decoding());
        Transactions tx = Transactions.attach(store);
        store.append(frame(0, 0, msg(RTM_GETLINK, F_REQUEST, 3, 42, ifinfomsg(2, 0))));
        assertFalse(tx.ofRow(0).isComplete());
        store.append(frame(500, 0, msg(RTM_NEWLINK, 0, 3, 42, ifinfomsg(2, 1))));
        Transaction t = tx.ofRow(0);
        assertTrue(t.isComplete(), "a plain GET without NLM_F_ACK is answered by its one reply");
        assertEquals(500, t.completionNanos());
        assertEquals(1, tx.responseRowOf(0));
    }

    @Test
    void anExtendedAckIsResolvedAgainstTheOriginalRequest() {
        Transactions tx = Transactions.attach(TestStores.conversationWithProcesses());
        Offender o = tx.offender(7);
        assertEquals(6, o.requestRow());
        assertEquals(32, o.offset());
        assertEquals(16 + 32, o.frameOffset(), "cooked header + the kernel's offset");
        assertEquals("IFLA_IFNAME", o.path());
        assertEquals("Link already exists", o.kernelMessage());
        assertNull(tx.offender(1), "an ACK points at nothing");
        assertNull(tx.offender(0));
    }
}
