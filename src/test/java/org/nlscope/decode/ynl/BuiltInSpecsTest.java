package org.nlscope.decode.ynl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nlscope.decode.Dissector;
import org.nlscope.decode.DissectorKey;
import org.nlscope.decode.DissectorSources;
import org.nlscope.decode.spec.SpecCompiler;
import org.nlscope.decode.spec.SpecDissectorProvider;

/** nlscope's own YNL files (dissectors/ynl, made by scripts/gen-ynl-builtin) load, always. */
class BuiltInSpecsTest {
    static final Path BUILT_IN = Path.of("dissectors/ynl");

    @Test
    void everyBuiltInSpecLoadsWithoutWarningsButTheKernels() throws Exception {
        List<Path> files = YnlDirectories.specFiles(BUILT_IN);
        assertTrue(files.size() >= 20, files::toString);
        for (Path p : files) {
            String text = Files.readString(p);
            assertFalse(text.contains("doc:"), p + " holds prose");
            YnlFamily f = YnlLoader.load(p.toString(), Files.readAllBytes(p));
            SpecCompiler.compile(List.of(f.file()), Map.of());
            assertFalse(f.file().spec().messages().isEmpty(), p.toString());
        }
    }

    private static Dissector builtIn(DissectorKey key) {
        return new SpecDissectorProvider(null, Path.of("/nonexistent"))
                .dissectors(new DissectorSources(List.of(), List.of(), false)).stream()
                .filter(d -> d.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void nl80211NamesEveryCommandOfTheHeaderBothWays() throws Exception {
        Path header = Path.of("/usr/include/linux/nl80211.h");
        assumeTrue(Files.isReadable(header), "skipped: no " + header);
        Dissector d = builtIn(DissectorKey.genl("nl80211"));
        String text = Files.readString(header);
        Matcher body = Pattern.compile("enum nl80211_commands \\{(.*?)\\};", Pattern.DOTALL).matcher(text);
        assertTrue(body.find());
        int value = -1;
        int named = 0;
        for (String item : body.group(1).replaceAll("/\\*.*?\\*/", "").split(",")) {
            Matcher m = Pattern.compile("^\\s*(NL80211_CMD_\\w+)\\s*(?:=\\s*(\\w+))?\\s*$").matcher(item);
            if (!m.find() || m.group(1).startsWith("__") || m.group(1).endsWith("_MAX")) {
                continue;
            }
            value = m.group(2) == null ? value + 1 : m.group(2).matches("\\d+") ? Integer.parseInt(m.group(2)) : value;
            if (value > 0) {
                assertNotNull(d.messageName(value, true), m.group(1));
                assertNotNull(d.messageName(value, false), m.group(1));
                named++;
            }
        }
        assertTrue(named > 100, "commands checked: " + named);
        assertEquals("NL80211_CMD_NEW_WIPHY", d.messageName(3, false), "GET_WIPHY is answered by NEW_WIPHY");
        assertEquals("NL80211_CMD_GET_WIPHY", d.messageName(1, true));
    }

    @Test
    void netfilterSpecsHaveTheHeadersNames() {
        Dissector d = builtIn(DissectorKey.netlink(12));
        assertEquals("NFT_MSG_NEWTABLE", d.messageName(0xa00, true));
        assertEquals("NFT_MSG_NEWTABLE", d.messageName(0xa00, false), "the answer to NFT_MSG_GETTABLE");
        assertEquals("IPCTNL_MSG_CT_GET", d.messageName(0x101, true));
        assertEquals("IPCTNL_MSG_CT_NEW", d.messageName(0x100, false));
        assertEquals("NFTA_TABLE_NAME", d.attributeName(0xa00, true, null, 1));
        assertEquals("CTA_TUPLE_ORIG", d.attributeName(0x100, false, null, 1));
    }
}
