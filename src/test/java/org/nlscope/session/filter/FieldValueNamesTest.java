package org.nlscope.session.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nlscope.decode.DissectorRegistry;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.Field;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.TestStores;
import org.nlscope.session.io.FileLoader;

/**
 * A value no dissector knows for an enum or flags field is an error naming the nearest value;
 * every value the real captures show for such a field is taken, and matches its message.
 */
class FieldValueNamesTest {
    private static final Path CAPTURES = Path.of("src/test/resources/captures");
    private static FilterNames names;

    @BeforeAll
    static void load() {
        names = FilterNames.of(DissectorRegistry.load(List.of()).all());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            IFLA_OPERSTATE == UPP                 => no dissector knows a value 'UPP' of IFLA_OPERSTATE; did you mean UP? at column 19
            IFLA_OPERSTATE != DOWNN               => no dissector knows a value 'DOWNN' of IFLA_OPERSTATE; did you mean DOWN? at column 19
            type == RTM_NEWADDR and ifa_family == INETT => no dissector knows a value 'INETT' of ifa_family; did you mean INET? at column 39
            CTRL_ATTR_OP_FLAGS == ADMIN_PERMM     => no dissector knows a value 'ADMIN_PERMM' of CTRL_ATTR_OP_FLAGS; did you mean ADMIN_PERM? at column 23
            flags & NLM_F_DUMPP                   => unknown flag 'NLM_F_DUMPP'; did you mean NLM_F_DUMP? at column 9
            flags & NLM_F_NOPE_AT_ALL             => unknown flag 'NLM_F_NOPE_AT_ALL' at column 9
            direction == to_kernell               => unknown direction 'to_kernell'; did you mean to_kernel? at column 14
            kind == notifcation                   => unknown kind 'notifcation'; did you mean notification? at column 9
            """)
    void aValueNoDissectorKnowsIsAnError(String filter, String error) {
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class, () -> DisplayFilter.parse(filter, names));
        assertEquals(error, e.getMessage());
    }

    @Test
    void numbersQuotedTextPartsAndFullNamesAreTaken() throws FilterSyntaxException {
        for (String fine : new String[] {"IFLA_OPERSTATE == UP", "IFLA_OPERSTATE == up", "IFLA_OPERSTATE == IF_OPER_UP",
                "IFLA_OPERSTATE == 6", "IFLA_OPERSTATE == 0x6", "IFLA_OPERSTATE ~ UPP", "IFLA_OPERSTATE == \"UPP\"",
                "IFLA_IFNAME == dum0", "NL80211_ATTR_IFNAME == wlan0", "CTRL_ATTR_FAMILY_NAME == nl80211",
                "flags & NLM_F_DUMP", "direction == FROM_KERNEL", "kind == done", "NLSCOPE_NO_SUCH_ATTR == anything"}) {
            assertFalse(DisplayFilter.parse(fine, names).isAll(), fine);
        }
        assertFalse(DisplayFilter.parse("IFLA_OPERSTATE == UPP").isAll(), "without names any value is taken");
    }

    /** The real check: what the decode shows for an enum or flags value must be a value the filter takes. */
    @Test
    void everyValueTheRealCapturesShowIsTakenAndMatches() throws Exception {
        int checked = 0;
        List<Path> files;
        try (Stream<Path> s = Files.list(CAPTURES)) {
            files = s.filter(p -> p.toString().endsWith(".pcap") || p.toString().endsWith(".pcapng")).sorted().toList();
        }
        for (Path file : files) {
            CaptureStore store = new CaptureStore(TestStores.decoding());
            assertTrue(FileLoader.load(file, store).complete(), file.toString());
            for (int row = 0; row < store.size(); row++) {
                DecodedMessage m = store.message(row);
                if (m != null) {
                    checked += check(store, row, file + " row " + row, m.fixedHeader())
                            + check(store, row, file + " row " + row, m.attributes());
                }
            }
        }
        assertTrue(checked > 1000, "enum and flag values checked: " + checked);
    }

    private static int check(CaptureStore store, int row, String where, List<Field> fields) throws FilterSyntaxException {
        int n = 0;
        for (Field f : fields) {
            n += check(store, row, where, f.children());
            if (f.name() == null || !(f.name().indexOf('_') > 0 || !f.name().equals(f.name().toLowerCase()))) {
                continue;
            }
            List<String> shown = f.valueName() != null ? List.of(f.valueName(), f.display()) : f.valueNames();
            for (String v : shown) {
                if (!v.matches("[A-Za-z][A-Za-z0-9_]*")) {
                    continue;
                }
                String text = f.name() + " == " + v;
                DisplayFilter filter = DisplayFilter.parse(text, names);
                assertTrue(filter.matches(store, row), where + ": " + text);
                n++;
            }
        }
        return n;
    }
}
