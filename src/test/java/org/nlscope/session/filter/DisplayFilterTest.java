package org.nlscope.session.filter;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.TestStores;

class DisplayFilterTest {
    private static CaptureStore store;

    @BeforeAll
    static void load() {
        store = TestStores.conversationWithProcesses();
    }

    /**
     * Rows of the conversation: 0 add dum0 (seq 1), 1 ACK, 2 link dump request (seq 2), 3-4 dump parts lo and dum0,
     * 5 DONE, 6 add dum0 again (seq 3), 7 EEXIST, 8 notification dum1, 9 nlctrl reply (generic, seq 4, port 777),
     * 10 nl80211 request (seq 5, port 777). Port 4242 belongs to pid 100 (ip).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            family == route                                => 0 1 2 3 4 5 6 7 8
            family == NETLINK_ROUTE                        => 0 1 2 3 4 5 6 7 8
            family == 0                                    => 0 1 2 3 4 5 6 7 8
            family == generic                              => 9 10
            family == nl80211                              => 10
            family ~ gen                                   => 9 10
            family != route                                => 9 10
            type == RTM_NEWLINK                            => 0 3 4 6 8
            type == rtm_getlink                            => 2
            type ~ LINK                                    => 0 2 3 4 6 8
            type == 18                                     => 2
            type == CTRL_CMD_NEWFAMILY                     => 9
            msgtype == 2                                   => 1 7
            flags & NLM_F_DUMP                             => 2
            flags & DUMP                                   => 2
            flags & NLM_F_ACK                              => 0 6 10
            flags & 0x2                                    => 3 4 5
            flags == 0                                     => 8 9
            flags != NLM_F_REQUEST                         => 1 3 4 5 7 8 9
            seq == 2                                       => 2 3 4 5
            seq >= 3 and seq < 5                           => 6 7 9
            seq <= 1                                       => 0 1 8
            seq > 4                                        => 10
            port == 777                                    => 9 10
            port == 0x309                                  => 9 10
            process == ip                                  => 0 1 2 3 4 5 6 7
            process == 100                                 => 0 1 2 3 4 5 6 7
            process ~ "(ip"                                => 0 1 2 3 4 5 6 7
            IFLA_IFNAME == "dum0"                          => 0 4 6
            IFLA_IFNAME == dum0                            => 0 4 6
            IFLA_IFNAME != dum0                            => 3 8
            IFLA_IFNAME ~ DUM                              => 0 4 6 8
            IFLA_MTU > 1400                                => 3 8
            IFLA_MTU >= 1400                               => 0 3 4 6 8
            IFLA_MTU == 65536                              => 3
            IFLA_MTU & 0x10000                             => 3
            IFLA_INFO_KIND == dummy                        => 0
            IFLA_LINKINFO                                  => 0
            ifi_index == 2                                 => 4
            CTRL_ATTR_FAMILY_NAME == nl80211               => 9
            NLMSGERR_ATTR_MSG ~ "already"                  => 7
            error                                          => 7
            ack                                            => 1
            errno                                          => 7
            errno == EEXIST                                => 7
            errno == 17                                    => 7
            errno == -17                                   => 7
            errno != EEXIST                                => 0 1 2 3 4 5 6 8 9 10
            direction == to_kernel                         => 0 2 6 10
            direction == from_kernel                       => 1 3 4 5 7 8 9
            request                                        => 0 2 6 10
            reply                                          => 9
            notification                                   => 8
            dump                                           => 3 4
            done                                           => 5
            kind == dump_part                              => 3 4
            genl                                           => 9 10
            "dum1"                                         => 8
            "File exists"                                  => 7
            info ~ "mtu 1400"                              => 0 4 6
            frame == 4                                     => 3 4
            frame > 9 || seq == 1                          => 0 1 10
            done or ack                                    => 1 5
            not family == route                            => 9 10
            !(seq == 2) && family == route && request      => 0 6
            dump || done                                   => 3 4 5
            (ack or error) and seq == 3                    => 7
            not not ack                                    => 1
            len > 60                                       => 0 7
            malformed                                      =>
            problems                                       =>
            """)
    void matches(String expression, String expectedRows) throws FilterSyntaxException {
        DisplayFilter f = DisplayFilter.parse(expression);
        String got = Arrays.stream(f.matchingRows(store, 0, store.size())).mapToObj(Integer::toString)
                .collect(Collectors.joining(" "));
        assertEquals(expectedRows == null ? "" : expectedRows, got, expression);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            seq ==             => expected a value after '==' at column 7
            'seq == '          => expected a value after '==' at column 8
            famly == route     => unknown field 'famly' at column 1
            seq == abc         => expected a number after '==', found 'abc' at column 8
            (seq == 1          => expected ')' to close the '(' at column 1, found the end at column 10
            seq == 1)          => ')' without a matching '(' at column 9
            seq = 1            => use '==' to compare, not '=' at column 5
            "abc               => unterminated string at column 1
            seq == 1 and       => expected an expression after 'and' at column 13
            seq == 1 seq == 2  => expected 'and' or 'or' before 'seq' at column 10
            flags & NLM_F_BOGUS=> unknown flag 'NLM_F_BOGUS' at column 9
            seq                => expected an operator after 'seq' (==, !=, <, >, ~ or &) at column 4
            == 5               => expected a field name before '==' at column 1
            42                 => expected a field name before '42' (for example seq == 42) at column 1
            type > 5           => '>' does not apply here; use ==, != or ~ at column 6
            seq == 1 # x       => unexpected character '#' at column 10
            IFLA_MTU > big     => expected a number after '>', found 'big' at column 12
            not                => expected an expression after 'not' at column 4
            ()                 => expected an expression after '(' at column 2
            bogus              => unknown word 'bogus' at column 1
            seq == 12ab        => '12ab' is not a number at column 8
            errno == EINVALL   => unknown errno 'EINVALL'; did you mean EINVAL? at column 10
            errno != EWHATEVER => unknown errno 'EWHATEVER' at column 10
            """)
    void reportsTheColumn(String expression, String message) {
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class, () -> DisplayFilter.parse(expression));
        assertEquals(message, e.getMessage());
    }

    /** Found by DisplayFilterFuzzTest (input crash-newline-in-quoted-token): a pasted newline split the message. */
    @Test
    void controlCharactersInTheTextAreEscapedInTheMessage() {
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class,
                () -> DisplayFilter.parse("seq == 1 \"a\nb\u001b[2J\""));
        assertEquals("expected 'and' or 'or' before \"a\\nb\\x1b[2J\" at column 10", e.getMessage());
    }

    @Test
    void blankShowsEverything() throws FilterSyntaxException {
        assertTrue(DisplayFilter.parse("  ").isAll());
        assertEquals(store.size(), DisplayFilter.parse("").matchingRows(store, 0, store.size()).length);
    }

    @Test
    void scansIncrementally() throws FilterSyntaxException {
        DisplayFilter f = DisplayFilter.parse("type == RTM_NEWLINK");
        assertArrayEquals(new int[] {0, 3, 4}, f.matchingRows(store, 0, 5));
        assertArrayEquals(new int[] {6, 8}, f.matchingRows(store, 5, 100));
        assertTrue(f.matches(store, 8));
        assertFalse(f.matches(store, 7));
    }

    @Test
    void typeNamesAreCheckedAgainstTheLoadedDissectors() throws FilterSyntaxException {
        FilterNames names = FilterNames.of(org.nlscope.decode.DissectorRegistry.load(java.util.List.of()).all());
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class,
                () -> DisplayFilter.parse("type == RTM_NEWLNK", names));
        assertEquals("no dissector knows a message type 'RTM_NEWLNK'; did you mean RTM_NEWLINK? at column 9", e.getMessage());
        for (String fine : new String[] {"type == rtm_newlink", "type == CTRL_CMD_GETFAMILY", "type == NLMSG_ERROR",
                "type == 16", "type ~ NEWLNK", "errno == -22", "errno ~ INVALL"}) {
            assertFalse(DisplayFilter.parse(fine, names).isAll(), fine);
        }
        assertFalse(DisplayFilter.parse("type == RTM_NEWLNK").isAll(), "without names any value is taken");
    }
}
