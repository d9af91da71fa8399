package org.nlscope.session.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nlscope.model.ProcessInfo;

class FrameTextTest {

    @Test
    void oneLinePerMessageWithTimeFamilyTypeFlagsSeqPortAndSummary() {
        assertEquals("1 09:38:15.968653 > route RTM_NEWLINK REQUEST,ACK,EXCL,CREATE seq=7 port=4242 dum0 mtu 1400 UP\n",
                new FrameText().toText(Fixtures.newLink()));
    }

    @Test
    void processNameFollowsThePort() {
        FrameText text = new FrameText(port -> new ProcessInfo(port, 311, "ip", false));
        assertEquals("1 09:38:15.968653 > route RTM_NEWLINK REQUEST,ACK,EXCL,CREATE seq=7 port=4242(ip) dum0 mtu 1400 UP",
                text.line(Fixtures.newLink(), Fixtures.newLink().messages().get(0)));
    }

    @Test
    void errorsKeepTheirSummary() {
        assertEquals("2 09:38:15.968654 < route NLMSG_ERROR CAPPED,ACK_TLVS seq=7 port=4242 -EEXIST: File exists\n",
                new FrameText().toText(Fixtures.error()));
    }

    @Test
    void genlShowsFamilyAndCommandAndProblems() {
        assertEquals("3 09:38:15.968655 < nlctrl CTRL_CMD_NEWFAMILY - seq=3 port=4242 nl80211"
                + " [malformed: attribute at offset 80 is cut short]\n", new FrameText().toText(Fixtures.genl()));
    }

    @Test
    void aFrameWithoutMessagesStillGetsALine() {
        assertEquals("4 09:38:15.968656 ? (no netlink message) [malformed: frame of 4 bytes is shorter than its"
                + " 16-byte cooked header]\n", new FrameText().toText(Fixtures.runt()));
    }
}
