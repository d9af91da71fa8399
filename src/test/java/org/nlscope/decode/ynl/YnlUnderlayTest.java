package org.nlscope.decode.ynl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlscope.decode.spec.FamilySpec.Attribute;

/** A kernel's spec over nlscope's built-in one of the same name names no less than the built-in one. */
class YnlUnderlayTest {
    /** ovs_packet and nftables in small: a key the kernel's spec gives as bytes, an expression it lacks. */
    static final String KERNEL = """
            name: demo
            attribute-sets:
              - name: packet
                attributes:
                  - {name: key, type: binary}
                  - {name: hash, type: binary}
              - name: expr
                attributes:
                  - {name: name, type: string}
                  - {name: data, type: sub-message, sub-message: expr-ops, selector: name}
              - name: cmp
                attributes:
                  - {name: sreg, type: u32}
                  - {name: data, type: binary}
                  - {name: op, type: u32}
            sub-messages:
              - name: expr-ops
                formats:
                  - {value: cmp, attribute-set: cmp}
            operations:
              list:
                - {name: execute, value: 1, attribute-set: packet, do: {request: {}}}
            """;
    static final String BUILT_IN = """
            name: demo
            attribute-sets:
              - name: packet
                attributes:
                  - {name: key, type: nest, nested-attributes: key-attrs}
                  - {name: hash, type: binary}
              - name: key-attrs
                attributes:
                  - {name: in-port, type: u32}
              - name: expr
                attributes:
                  - {name: name, type: string}
                  - {name: data, type: sub-message, sub-message: expr-ops, selector: name}
              - name: cmp
                attributes:
                  - {name: sreg, type: u32, byte-order: big-endian}
                  - {name: op, type: u32, byte-order: big-endian}
                  - {name: data, type: binary}
              - name: limit
                attributes:
                  - {name: rate, type: u64}
            sub-messages:
              - name: expr-ops
                formats:
                  - {value: cmp, attribute-set: cmp}
                  - {value: limit, attribute-set: limit}
            operations:
              list:
                - {name: execute, value: 1, attribute-set: packet, do: {request: {}}}
            """;

    static YnlFamily over(String newer, String older) {
        return YnlLoader.translate("demo.yaml", YnlLoader.over(read(newer), read(older)));
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String yaml) {
        return YnlLoader.read("demo.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anAttributeTheKernelGivesAsBytesKeepsTheBuiltInShapeAndItsSet() {
        YnlFamily f = over(KERNEL, BUILT_IN);
        Attribute key = YnlLoaderTest.attr(f, "packet", "DEMO_A_PACKET_KEY");
        assertEquals("nest", key.type());
        assertEquals("demo:key-attrs", key.nestedAttributes());
        assertEquals("u32", YnlLoaderTest.attr(f, "key-attrs", "DEMO_A_KEY_ATTRS_IN_PORT").type());
        assertEquals("binary", YnlLoaderTest.attr(f, "packet", "DEMO_A_PACKET_HASH").type(), "bytes in both stay bytes");
        YnlLoaderTest.compile(f);
    }

    @Test
    void aSubMessageFormatTheKernelLacksIsKeptAndTheKernelsFormatsWin() {
        YnlFamily f = over(KERNEL, BUILT_IN);
        assertEquals("u64", YnlLoaderTest.attr(f, "limit", "DEMO_A_LIMIT_RATE").type());
        assertTrue(f.file().spec().subMessages().stream().filter(m -> m.name().equals("demo:expr-ops"))
                .flatMap(m -> m.formats().stream()).anyMatch(fm -> "limit".equals(fm.value())), "the built-in format");
        YnlLoaderTest.compile(f);
    }

    @Test
    void anAttributeBothNameKeepsTheBuiltInNumberAndByteOrder() {
        YnlFamily f = over(KERNEL, BUILT_IN);
        Attribute sreg = YnlLoaderTest.attr(f, "cmp", "DEMO_A_CMP_SREG");
        Attribute op = YnlLoaderTest.attr(f, "cmp", "DEMO_A_CMP_OP");
        Attribute data = YnlLoaderTest.attr(f, "cmp", "DEMO_A_CMP_DATA");
        assertEquals("big-endian", sreg.byteOrder());
        assertEquals(List.of(1, 2, 3), List.of(sreg.value(), op.value(), data.value()),
                "the built-in's numbers, and the kernel's data (bytes in both) moved with them");
        YnlLoaderTest.compile(f);
    }
}
