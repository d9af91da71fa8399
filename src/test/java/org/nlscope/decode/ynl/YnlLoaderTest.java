package org.nlscope.decode.ynl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nlscope.decode.ByteView;
import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.DissectorKey;
import org.nlscope.decode.DissectorLoadException;
import org.nlscope.decode.MessageBody;
import org.nlscope.decode.spec.FamilySpec.Attribute;
import org.nlscope.decode.spec.FamilySpec.Definition;
import org.nlscope.decode.spec.FamilySpec.Message;
import org.nlscope.decode.spec.SpecCompiler;
import org.nlscope.decode.spec.SpecDissector;
import org.nlscope.model.Field;

/** Each YNL feature on a small spec written here, translated and decoded. */
class YnlLoaderTest {

    static YnlFamily load(String yaml) {
        return YnlLoader.load("test.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    static SpecDissector compile(YnlFamily f) {
        return SpecCompiler.compile(List.of(f.file()), Map.of()).get(0);
    }

    static Attribute attr(YnlFamily f, String set, String name) {
        return f.file().spec().attributeSets().stream().filter(s -> s.name().equals(f.name() + ":" + set))
                .flatMap(s -> s.attributes().stream()).filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    static Definition def(YnlFamily f, String name) {
        return f.file().spec().definitions().stream().filter(d -> d.name().equals(f.name() + ":" + name))
                .findFirst().orElseThrow();
    }

    /** netlink attributes, host order, each padded to 4. */
    static final class Attrs {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Attrs add(int type, byte[] payload) {
            ByteBuffer b = ByteBuffer.allocate((4 + payload.length + 3) & ~3).order(ByteOrder.nativeOrder());
            b.putShort((short) (4 + payload.length)).putShort((short) type).put(payload);
            out.writeBytes(b.array());
            return this;
        }

        Attrs u32(int type, int v) {
            return add(type, ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(v).array());
        }

        Attrs string(int type, String s) {
            byte[] t = (s + "\0").getBytes(StandardCharsets.UTF_8);
            return add(type, t);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    static MessageBody decode(SpecDissector d, int cmd, boolean request, byte[] body) {
        return d.decode(cmd, request, new ByteView(body, 0, body.length), DecodeContext.empty());
    }

    static Field field(List<Field> fields, String label) {
        return fields.stream().filter(f -> label.equals(f.label())).findFirst().orElseThrow(() ->
                new AssertionError("no " + label + " in " + fields));
    }

    private static final String HEAD = """
            name: demo
            doc: a family of the test
            """;

    @Test
    void derivedAndGivenCNames() {
        YnlFamily f = load(HEAD + """
                protocol: genetlink-c
                c-family-name: DEMO_FAMILY_NAME
                definitions:
                  - {name: colour, type: enum, entries: [red, green]}
                  - {name: shade, type: enum, name-prefix: shd-, enum-name: shade-e, entries: [dark]}
                attribute-sets:
                  - name: main
                    attributes:
                      - {name: ifindex, type: u32}
                      - {name: colour, type: u32, enum: colour}
                  - name: other
                    name-prefix: demo-o-
                    attr-cnt-name: __DEMO_O_CNT
                    attributes:
                      - {name: thing, type: string}
                operations:
                  list:
                    - {name: get, attribute-set: main, do: {request: {attributes: [ifindex]}}}
                """);
        assertEquals(DissectorKey.genl("demo"), f.key());
        assertEquals("DEMO_A_MAIN_IFINDEX", attr(f, "main", "DEMO_A_MAIN_IFINDEX").name());
        assertEquals(1, attr(f, "main", "DEMO_A_MAIN_IFINDEX").value());
        assertEquals("DEMO_O_THING", attr(f, "other", "DEMO_O_THING").name());
        assertEquals("DEMO_COLOUR_GREEN", def(f, "colour").entries().get(1).name());
        assertEquals(1L, def(f, "colour").entries().get(1).value());
        assertEquals("SHD_DARK", def(f, "shade").entries().get(0).name());
        Message get = f.file().spec().messages().get(0);
        assertEquals("DEMO_CMD_GET", get.name());
        assertEquals(1, get.value());
        assertNull(get.direction(), "unified: one id for requests and replies");
        assertEquals("DEMO_CMD_GET", compile(f).messageName(1, false));
        assertTrue(f.warnings().isEmpty(), f.warnings()::toString);
    }

    @Test
    void flagsAreBitNumbersAndAnEnumMayBeReadAsFlags() {
        YnlFamily f = load(HEAD + """
                definitions:
                  - {name: opts, type: flags, entries: [a, b, {name: c, value: 5}, d]}
                  - {name: caps, type: enum, entries: [x, y, z]}
                attribute-sets:
                  - name: main
                    attributes:
                      - {name: opts, type: u32, enum: opts}
                      - {name: caps, type: u32, enum: caps, enum-as-flags: true}
                operations:
                  list:
                    - {name: get, attribute-set: main, do: {request: {attributes: [opts]}}}
                """);
        List<Long> masks = def(f, "opts").entries().stream().map(e -> e.value()).toList();
        assertEquals(List.of(1L, 2L, 32L, 64L), masks);
        Attribute caps = attr(f, "main", "DEMO_A_MAIN_CAPS");
        assertEquals("demo:caps-as-flags", caps.en());
        MessageBody b = decode(compile(f), 1, true, new Attrs().u32(2, 0b101).u32(1, 33).bytes());
        assertEquals(List.of("DEMO_CAPS_X", "DEMO_CAPS_Z"), field(b.attributes(), "DEMO_A_MAIN_CAPS").valueNames());
        assertEquals(List.of("DEMO_OPTS_A", "DEMO_OPTS_C"), field(b.attributes(), "DEMO_A_MAIN_OPTS").valueNames());
    }

    @Test
    void subsetsUnusedPadAndValues() {
        YnlFamily f = load(HEAD + """
                attribute-sets:
                  - name: main
                    attributes:
                      - {name: unspec, type: unused, value: 0}
                      - {name: a, type: u32}
                      - {name: pad, type: pad}
                      - {name: nest, type: nest, nested-attributes: inner, multi-attr: true}
                      - {name: late, type: u8, value: 9}
                      - {name: later, type: u16}
                  - name: inner
                    subset-of: main
                    attributes:
                      - {name: a}
                      - {name: later}
                operations:
                  list:
                    - {name: get, attribute-set: main, do: {request: {attributes: [a]}}}
                """);
        assertEquals(1, attr(f, "main", "DEMO_A_MAIN_A").value());
        assertEquals("binary", attr(f, "main", "DEMO_A_MAIN_PAD").type());
        assertEquals(10, attr(f, "main", "DEMO_A_MAIN_LATER").value());
        Attribute inner = attr(f, "inner", "DEMO_A_MAIN_LATER");
        assertEquals(10, inner.value(), "a subset keeps its set's values and names");
        assertEquals("u16", inner.type());
        assertTrue(f.file().spec().attributeSets().stream().noneMatch(s -> s.attributes().stream()
                .anyMatch(a -> a.name().endsWith("UNSPEC"))), "unused takes its number, nothing else");
        compile(f);
    }

    @Test
    void nestTypeValueAndIndexedArrays() {
        YnlFamily f = load(HEAD + """
                attribute-sets:
                  - name: main
                    attributes:
                      - {name: policy, type: nest-type-value, type-value: [policy-id, attr-id], nested-attributes: pol}
                      - {name: list, type: indexed-array, sub-type: nest, nested-attributes: pol}
                      - {name: ids, type: indexed-array, sub-type: u32}
                  - name: pol
                    attributes:
                      - {name: type, type: u32}
                operations:
                  list:
                    - {name: get, attribute-set: main, do: {request: {attributes: [policy]}}}
                """);
        Attribute policy = attr(f, "main", "DEMO_A_MAIN_POLICY");
        assertEquals("indexed-array", policy.type());
        assertEquals(2, policy.levels());
        assertEquals("demo:pol", policy.nestedAttributes());
        byte[] entry = new Attrs().u32(1, 7).bytes();
        byte[] level2 = new Attrs().add(3, entry).bytes();
        byte[] body = new Attrs().add(1, new Attrs().add(5, level2).bytes()).bytes();
        MessageBody b = decode(compile(f), 1, true, body);
        Field pol = field(b.attributes(), "DEMO_A_MAIN_POLICY");
        Field type = field(field(field(pol.children(), "[5]").children(), "[3]").children(), "DEMO_A_POL_TYPE");
        assertEquals(7L, type.value());
        assertTrue(b.problems().isEmpty(), b.problems()::toString);
    }

    @Test
    void subMessagesSelectByNameInTheEnclosingScope() {
        YnlFamily f = load("""
                name: rt-demo
                protocol: netlink-raw
                protonum: 0
                doc: x
                definitions:
                  - {name: hdr, type: struct, members: [{name: hdr-family, type: u8}, {name: pad, type: pad, len: 3}]}
                  - {name: af, type: enum, name-prefix: af-, entries: [unspec, inet]}
                attribute-sets:
                  - name: outer
                    name-prefix: o-
                    attributes:
                      - {name: kind, type: string}
                      - {name: info, type: nest, nested-attributes: info}
                      - {name: fam, type: u8, enum: af}
                      - {name: by-fam, type: sub-message, sub-message: fam-msg, selector: fam}
                  - name: info
                    name-prefix: i-
                    attributes:
                      - {name: data, type: sub-message, sub-message: kind-msg, selector: kind}
                  - name: vlan
                    name-prefix: v-
                    attributes:
                      - {name: id, type: u32}
                sub-messages:
                  - name: kind-msg
                    formats:
                      - {value: vlan, attribute-set: vlan}
                      - {value: dummy}
                  - name: fam-msg
                    formats:
                      - {value: inet, fixed-header: hdr}
                operations:
                  enum-model: directional
                  name-prefix: rtm-
                  fixed-header: hdr
                  list:
                    - {name: newthing, attribute-set: outer, do: {request: {value: 16, attributes: [kind]}}}
                """);
        assertEquals(DissectorKey.netlink(0), f.key());
        Attribute data = attr(f, "info", "I_DATA");
        assertEquals("O_KIND", data.selector(), "found in the set that nests info");
        assertEquals("O_FAM", attr(f, "outer", "O_BY_FAM").selector());
        var fam = f.file().spec().subMessages().stream().filter(s -> s.name().equals("rt-demo:fam-msg")).findFirst()
                .orElseThrow();
        assertEquals("AF_INET", fam.formats().get(0).value(), "an enum's entry by its C name");
        assertEquals("rt-demo:hdr", f.file().spec().messages().get(0).header());
        byte[] body = ByteBuffer.allocate(4).put((byte) 2).array();
        byte[] attrs = new Attrs().string(1, "vlan").add(2, new Attrs().add(1, new Attrs().u32(1, 42).bytes()).bytes())
                .bytes();
        byte[] all = new byte[body.length + attrs.length];
        System.arraycopy(body, 0, all, 0, 4);
        System.arraycopy(attrs, 0, all, 4, attrs.length);
        MessageBody b = decode(compile(f), 16, true, all);
        assertEquals(2L, field(b.fixedHeader(), "hdr_family").value());
        Field id = field(field(field(b.attributes(), "O_INFO").children(), "I_DATA").children(), "V_ID");
        assertEquals(42L, id.value());
    }

    @Test
    void directionalIdsCountRequestsAndRepliesApart() {
        YnlFamily f = load(HEAD + """
                protocol: genetlink-legacy
                attribute-sets:
                  - name: main
                    attributes: [{name: a, type: u32}]
                operations:
                  enum-model: directional
                  name-prefix: demo-msg-
                  list:
                    - name: one-get
                      attribute-set: main
                      do: &x {request: {attributes: [a]}, reply: {attributes: [a]}}
                      dump: *x
                    - {name: one-set, attribute-set: main, do: {request: {attributes: [a]}}}
                    - {name: one-ntf, notify: one-get}
                    - {name: two-get, attribute-set: main, do: {request: {attributes: [a]}, reply: {attributes: [a]}}}
                """);
        SpecDissector d = compile(f);
        assertEquals("DEMO_MSG_ONE_GET", d.messageName(1, true));
        assertEquals("DEMO_MSG_ONE_SET", d.messageName(2, true));
        assertEquals("DEMO_MSG_TWO_GET", d.messageName(3, true));
        assertEquals("DEMO_MSG_ONE_GET_REPLY", d.messageName(1, false));
        assertEquals("DEMO_MSG_ONE_NTF", d.messageName(2, false));
        assertEquals("DEMO_MSG_TWO_GET_REPLY", d.messageName(3, false));
        MessageBody ntf = decode(d, 2, false, new Attrs().u32(1, 5).bytes());
        assertEquals(5L, field(ntf.attributes(), "DEMO_A_MAIN_A").value(), "a notify decodes with its op's set");
    }

    @Test
    void explicitReplyIdsAreTheKernelsIdsOfThatName() {
        YnlFamily f = load("""
                name: rt-x
                protocol: netlink-raw
                protonum: 0
                doc: x
                attribute-sets:
                  - {name: attrs, name-prefix: x-, attributes: [{name: a, type: u32}]}
                operations:
                  enum-model: directional
                  name-prefix: rtm-
                  list:
                    - {name: newx, attribute-set: attrs, do: {request: {value: 16, attributes: [a]}}}
                    - {name: newx-ntf, value: 16, notify: getx}
                    - name: getx
                      attribute-set: attrs
                      do: {request: {value: 18, attributes: [a]}, reply: {value: 16, attributes: [a]}}
                      dump: {request: {value: 18}, reply: {value: 16}}
                """);
        SpecDissector d = compile(f);
        assertEquals("RTM_NEWX", d.messageName(16, false));
        assertEquals("RTM_GETX", d.messageName(18, true));
        assertNull(d.messageName(18, false));
        assertEquals(org.nlscope.decode.MessageKind.GET, d.kind(18, true));
        MessageBody ntf = decode(d, 16, false, new Attrs().u32(1, 9).bytes());
        assertEquals(9L, field(ntf.attributes(), "X_A").value(), "a notify listed before its operation has its set");
    }

    @Test
    void constsDisplayHintsAndByteOrder() {
        YnlFamily f = load(HEAD + """
                definitions:
                  - {name: key-len, type: const, value: 32}
                  - name: st
                    type: struct
                    members:
                      - {name: addr, type: binary, len: key-len, display-hint: ipv6}
                      - {name: port, type: u16, byte-order: big-endian}
                attribute-sets:
                  - name: main
                    attributes:
                      - {name: mac, type: binary, display-hint: mac}
                      - {name: id, type: binary, display-hint: uuid}
                      - {name: ip, type: binary, display-hint: ipv4-or-v6}
                      - {name: v4, type: u32, byte-order: big-endian, display-hint: ipv4}
                      - {name: flags, type: u32, display-hint: hex}
                      - {name: blob, type: binary, byte-order: big-endian}
                      - {name: st, type: binary, struct: st}
                      - {name: fd, type: s32, checks: {min: 0}}
                operations:
                  list:
                    - {name: get, attribute-set: main, do: {request: {attributes: [mac]}}}
                """);
        assertEquals(32, def(f, "st").members().get(0).len());
        assertEquals("port", def(f, "st").members().get(1).name());
        assertEquals("big-endian", def(f, "st").members().get(1).byteOrder());
        assertNull(attr(f, "main", "DEMO_A_MAIN_BLOB").byteOrder(), "bytes have no byte order");
        assertEquals("ip", attr(f, "main", "DEMO_A_MAIN_IP").display());
        byte[] uuid = new byte[16];
        uuid[0] = 0x12;
        uuid[15] = 0x34;
        byte[] body = new Attrs().add(1, new byte[] {2, 0, 0, 0, 0, 1}).add(2, uuid).add(3, new byte[] {10, 0, 0, 1})
                .add(4, new byte[] {(byte) 192, 0, 2, 1}).u32(5, 255).bytes();
        MessageBody b = decode(compile(f), 1, true, body);
        assertEquals("02:00:00:00:00:01", field(b.attributes(), "DEMO_A_MAIN_MAC").display());
        assertEquals("12000000-0000-0000-0000-000000000034", field(b.attributes(), "DEMO_A_MAIN_ID").display());
        assertEquals("10.0.0.1", field(b.attributes(), "DEMO_A_MAIN_IP").display());
        assertEquals("192.0.2.1", field(b.attributes(), "DEMO_A_MAIN_V4").display());
        assertEquals("0xff", field(b.attributes(), "DEMO_A_MAIN_FLAGS").display());
    }

    @Test
    void mcastGroupsAndCodegenKeysAreRead() {
        YnlFamily f = load(HEAD + """
                protocol: genetlink-legacy
                version: 2
                kernel-policy: per-op
                uapi-header: linux/demo.h
                kernel-family: {headers: [net/demo.h], sock-priv: struct demo_sock}
                definitions:
                  - {name: e, type: enum, header: linux/x.h, render-max: true, entries: [a]}
                attribute-sets:
                  - {name: main, attributes: [{name: a, type: u32}]}
                operations:
                  list:
                    - name: get
                      attribute-set: main
                      flags: [admin-perm]
                      dont-validate: [strict]
                      config-cond: DEMO
                      do: {pre: demo-pre, post: demo-post, request: {attributes: [a]}}
                      mcgrp: events
                mcast-groups:
                  list: [{name: events, flags: [admin-perm]}, {name: scan}]
                """);
        assertEquals(List.of("events", "scan"), f.mcastGroups());
        assertTrue(f.warnings().isEmpty(), f.warnings()::toString);
    }

    @Test
    void smallInconsistenciesLoadWithAWarningNamingFileAndPath() {
        YnlFamily f = load(HEAD + """
                definitions:
                  - {name: empty, type: enum, entries: []}
                attribute-sets:
                  - name: main
                    attributes:
                      - {name: a, type: u32, enum: empty}
                      - {name: a, type: u32}
                      - {name: n, type: nest, nested-attributes: missing}
                operations:
                  list:
                    - {name: get, attribute-set: main, do: {request: {attributes: [a]}}}
                """);
        assertEquals(3, f.warnings().size(), f.warnings()::toString);
        assertTrue(f.warnings().get(0).startsWith("test.yaml: definitions[0].entries: "), f.warnings().get(0));
        assertTrue(f.warnings().get(1).startsWith("test.yaml: attribute-sets[0].attributes[1].name: "), f.warnings().get(1));
        assertNull(attr(f, "main", "DEMO_A_MAIN_A").en());
        assertEquals("binary", attr(f, "main", "DEMO_A_MAIN_N").type());
        compile(f);
    }

    @Test
    void malformedSpecsAreOneLineNamingFileAndPath() {
        assertEquals("test.yaml: name: missing",
                assertThrows(DissectorLoadException.class, () -> load("doc: x\n")).getMessage());
        assertEquals("test.yaml: attribute-sets[0].attributes: expected a list",
                assertThrows(DissectorLoadException.class, () -> load(HEAD + """
                        attribute-sets:
                          - {name: main, attributes: 3}
                        """)).getMessage());
        assertEquals("test.yaml: definitions[0].members[0].len: 'NOPE' is neither a number nor a const of this spec",
                assertThrows(DissectorLoadException.class, () -> load(HEAD + """
                        definitions:
                          - {name: s, type: struct, members: [{name: a, type: binary, len: NOPE}]}
                        """)).getMessage());
        assertEquals("test.yaml: protocol: unknown protocol 'nope' (genetlink, genetlink-c, genetlink-legacy, netlink-raw)",
                assertThrows(DissectorLoadException.class, () -> load(HEAD + "protocol: nope\n")).getMessage());
        String syntax = assertThrows(DissectorLoadException.class, () -> load("name: [a\n")).getMessage();
        assertTrue(syntax.startsWith("test.yaml:") && !syntax.contains("\n"), syntax);
        String alias = assertThrows(DissectorLoadException.class, () -> load("name: *nowhere\n")).getMessage();
        assertTrue(alias.startsWith("test.yaml:") && !alias.contains("\n"), alias);
    }
}
