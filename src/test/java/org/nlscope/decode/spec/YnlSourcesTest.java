package org.nlscope.decode.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlscope.decode.Dissector;
import org.nlscope.decode.DissectorKey;
import org.nlscope.decode.DissectorLoadException;
import org.nlscope.decode.DissectorSources;

/** Where specs come from: the system's kernel docs (newest first), --ynl, and the built-in files under them. */
class YnlSourcesTest {
    @TempDir
    Path root;

    /** nlctrl as a newer kernel might describe it: one more command, and CTRL_ATTR_FAMILY_ID a u16. */
    static String nlctrl(String extraOp) {
        return """
                name: nlctrl
                protocol: genetlink-legacy
                doc: x
                attribute-sets:
                  - name: ctrl-attrs
                    name-prefix: ctrl-attr-
                    attributes:
                      - {name: family-id, type: u16}
                      - {name: family-name, type: string}
                operations:
                  name-prefix: ctrl-cmd-
                  enum-model: directional
                  list:
                    - name: getfamily
                      value: 3
                      attribute-set: ctrl-attrs
                      do: {request: {value: 3, attributes: [family-name]}, reply: {value: 1, attributes: [family-id]}}
                """ + extraOp;
    }

    static byte[] gz(String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(out)) {
            g.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private Path systemSpecs(String version) throws Exception {
        return Files.createDirectories(root.resolve("usr/share/doc/linux-doc-" + version + "/Documentation/netlink/specs"));
    }

    static Dissector find(List<Dissector> all, DissectorKey key) {
        return all.stream().filter(d -> d.key().equals(key)).findFirst().orElseThrow();
    }

    /** A family nlscope has no hand-written file for, as two kernels and nlscope's own ynl/ folder describe it. */
    static String demo(String prefix, String extraAttribute, String extraOp) {
        return "name: demo\ndoc: x\nattribute-sets:\n  - name: main\n" + prefix
                + "    attributes:\n      - {name: ifindex, type: u32}\n" + extraAttribute
                + "operations:\n  list:\n"
                + "    - {name: get, value: 1, attribute-set: main, do: {request: {attributes: [ifindex]}}}\n" + extraOp;
    }

    @Test
    void theSystemsNewestSpecWinsOverTheOlderAndOverNlscopesOwnSpec() throws Exception {
        Path mine = Files.createDirectories(root.resolve("mine/ynl"));
        Files.writeString(mine.resolve("demo.yaml"), demo("    name-prefix: dm-\n",
                "      - {name: old-only, type: u8, value: 7}\n", ""));
        Files.write(systemSpecs("6.12").resolve("demo.yaml.gz"), gz(demo("", "",
                "    - {name: older, value: 2, attribute-set: main, do: {request: {attributes: [ifindex]}}}\n")));
        Files.write(systemSpecs("7.3").resolve("demo.yaml.gz"), gz(demo("", "",
                "    - {name: newer, value: 3, attribute-set: main, do: {request: {attributes: [ifindex]}}}\n")));
        SpecDissectorProvider provider = new SpecDissectorProvider(null, root);
        DissectorSources sources = new DissectorSources(List.of(root.resolve("mine")), List.of(), true);
        Dissector demo = find(provider.dissectors(sources), DissectorKey.genl("demo"));
        assertEquals("DEMO_CMD_NEWER", demo.messageName(3, true), "7.3 is newer than 6.12");
        assertEquals("DEMO_CMD_OLDER", demo.messageName(2, true), "an explicit id the newer spec lacks stays");
        assertEquals("DM_OLD_ONLY", demo.attributeName(1, true, null, 7), "an attribute the newer lacks stays");
        assertEquals("DM_IFINDEX", demo.attributeName(1, true, null, 1), "the older spec's prefix fills in the default");
        FamilyReport report = provider.reports(sources).stream()
                .filter(r -> DissectorKey.genl("demo").equals(r.key())).findFirst().orElseThrow();
        assertEquals(List.of(systemSpecs("7.3").resolve("demo.yaml.gz").toString()), report.sources());
    }

    /**
     * The system's spec of a family nlscope describes in its own files decodes it (a newer
     * kernel's command and attribute), with nlscope's own files on top, as --ynl's does.
     */
    @Test
    void aSystemSpecOverridesNlscopesHandWrittenFamilyWithItsOwnFilesOnTop() throws Exception {
        String newer = nlctrl("""
                    - {name: newfamily2, value: 201, attribute-set: ctrl-attrs, do: {request: {value: 201}}}
                """).replace("      - {name: family-name, type: string}\n",
                "      - {name: family-name, type: string}\n      - {name: newer-attr, type: u32, value: 400}\n");
        Files.writeString(systemSpecs("7.3").resolve("nlctrl.yaml"), newer);
        Path ynl = Files.createDirectories(root.resolve("kernel/Documentation/netlink/specs"));
        Files.writeString(ynl.resolve("nlctrl.yaml"), newer);
        SpecDissectorProvider provider = new SpecDissectorProvider(null, root);
        DissectorSources system = new DissectorSources(List.of(), List.of(), true);
        DissectorSources given = new DissectorSources(List.of(), List.of(root.resolve("kernel")), false);
        for (DissectorSources sources : List.of(system, given)) {
            Dissector nlctrl = find(provider.dissectors(sources), DissectorKey.genl("nlctrl"));
            assertEquals("CTRL_CMD_NEWFAMILY2", nlctrl.messageName(201, true), "the newer kernel's command");
            assertEquals("CTRL_ATTR_NEWER_ATTR", nlctrl.attributeName(3, true, null, 400), "the newer kernel's attribute");
            assertEquals("CTRL_ATTR_FAMILY_NAME", nlctrl.attributeName(3, true, null, 2));
            assertEquals("CTRL_ATTR_OP_POLICY", nlctrl.attributeName(3, true, null, 9), "nlscope's own attributes stay");
            assertEquals("CTRL_CMD_GETFAMILY", nlctrl.messageName(3, true));
            assertEquals("CTRL_CMD_NEWFAMILY", nlctrl.messageName(1, false), "the reply takes the built-in name of its id");
            assertEquals("CTRL_CMD_DELFAMILY", nlctrl.messageName(2, true), "what the spec leaves out stays");
        }
        FamilyReport used = provider.reports(system).stream()
                .filter(r -> DissectorKey.genl("nlctrl").equals(r.key())).findFirst().orElseThrow();
        assertEquals(List.of(systemSpecs("7.3").resolve("nlctrl.yaml").toString(), "dissectors/genetlink/nlctrl.yaml"),
                used.sources());
        assertEquals(List.of(), used.warnings());
    }

    @Test
    void switchedOffTheSystemsSpecsAreNotRead() throws Exception {
        Files.write(systemSpecs("7.3").resolve("nlctrl.yaml"), nlctrl("""
                    - {name: newfamily2, value: 201, attribute-set: ctrl-attrs, do: {request: {value: 201}}}
                """).getBytes(StandardCharsets.UTF_8));
        SpecDissectorProvider provider = new SpecDissectorProvider(null, root);
        Dissector nlctrl = find(provider.dissectors(new DissectorSources(List.of(), List.of(), false)),
                DissectorKey.genl("nlctrl"));
        assertNull(nlctrl.messageName(201, true));
        assertEquals("false", System.getProperty(DissectorSources.SYSTEM_SPECS_PROPERTY),
                "the build switches them off for every test");
        assertTrue(!DissectorSources.systemSpecsEnabled());
    }

    @Test
    void aBrokenSystemSpecIsAWarningAndABrokenYnlSpecAnError() throws Exception {
        Files.writeString(systemSpecs("7.3").resolve("ethtool.yaml"), "name: ethtool\noperations: [1]\n");
        SpecDissectorProvider provider = new SpecDissectorProvider(null, root);
        DissectorSources sources = new DissectorSources(List.of(), List.of(), true);
        Dissector ethtool = find(provider.dissectors(sources), DissectorKey.genl("ethtool"));
        assertEquals("ETHTOOL_MSG_STRSET_GET_REPLY", ethtool.messageName(1, false), "the built-in spec decodes");
        assertTrue(provider.reports(sources).stream().anyMatch(r -> r.key() == null
                && r.warnings().get(0).contains("ethtool.yaml: operations: expected a mapping of keys")));
        Path user = Files.createDirectories(root.resolve("mine"));
        Files.writeString(user.resolve("nlctrl.yaml"), "name: nlctrl\noperations: [1]\n");
        DissectorLoadException e = assertThrows(DissectorLoadException.class, () -> new SpecDissectorProvider(null, root)
                .dissectors(new DissectorSources(List.of(), List.of(user), false)));
        assertEquals(user.resolve("nlctrl.yaml") + ": operations: expected a mapping of keys", e.getMessage());
    }

    @Test
    void theSystemFoldersAreFoundNewestFirst() throws Exception {
        Path old = systemSpecs("6.12");
        Path newer = systemSpecs("7.3");
        Path src = Files.createDirectories(root.resolve("usr/src/linux-headers-6.1/Documentation/netlink/specs"));
        Path build = Files.createDirectories(root.resolve("lib/modules/6.18.1/build/Documentation/netlink/specs"));
        assertEquals(List.of(build, newer, old, src), org.nlscope.decode.ynl.YnlDirectories.system(root, "6.18.1"));
    }
}
