package org.nlscope.session.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlscope.model.ProcessInfo;

class FrameJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode parse(String json) throws Exception {
        return MAPPER.readTree(json);
    }

    @Test
    void frameKeysFollowTheContractInOrder() throws Exception {
        JsonNode f = parse(new FrameJson().toJson(Fixtures.newLink()));
        List<String> keys = iterable(f.fieldNames());
        assertEquals(List.of("frame", "time_ns", "family", "family_name", "direction", "direction_inferred", "length",
                "messages", "problems"), keys);
        assertEquals(1, f.get("frame").asInt());
        assertEquals(Fixtures.TIME, f.get("time_ns").asLong());
        assertEquals(0, f.get("family").asInt());
        assertEquals("NETLINK_ROUTE", f.get("family_name").asText());
        assertEquals("to_kernel", f.get("direction").asText());
        assertTrue(f.get("direction_inferred").asBoolean());
        assertEquals(84, f.get("length").asInt());
    }

    @Test
    void messageCarriesHeaderFixedHeaderAndAttributes() throws Exception {
        JsonNode m = parse(new FrameJson().toJson(Fixtures.newLink())).get("messages").get(0);
        assertEquals(List.of("offset", "len", "type", "type_name", "flags", "flag_names", "seq", "pid", "header",
                "attributes", "problems"), iterable(m.fieldNames()), "no genl and no error key for an rtnetlink request");
        assertEquals(16, m.get("offset").asInt());
        assertEquals(68, m.get("len").asInt());
        assertEquals(16, m.get("type").asInt());
        assertEquals("RTM_NEWLINK", m.get("type_name").asText());
        assertEquals(0x605, m.get("flags").asInt());
        assertEquals("[\"NLM_F_REQUEST\",\"NLM_F_ACK\",\"NLM_F_EXCL\",\"NLM_F_CREATE\"]", m.get("flag_names").toString());
        assertEquals(7, m.get("seq").asLong());
        assertEquals(4242, m.get("pid").asLong());
        assertEquals("{\"ifi_family\":0,\"ifi_type\":1,\"ifi_index\":0,\"ifi_flags\":1,\"ifi_change\":1}",
                m.get("header").toString());

        JsonNode attrs = m.get("attributes");
        assertEquals(3, attrs.size());
        assertEquals("{\"offset\":48,\"len\":9,\"type\":3,\"name\":\"IFLA_IFNAME\",\"value\":\"dum0\"}", attrs.get(0).toString());
        assertEquals("{\"offset\":60,\"len\":8,\"type\":4,\"name\":\"IFLA_MTU\",\"value\":1400}", attrs.get(1).toString());
        JsonNode linkinfo = attrs.get(2);
        assertTrue(linkinfo.get("nested").asBoolean());
        assertFalse(linkinfo.has("value"), "a nest has attributes, not a value");
        assertEquals("dummy", linkinfo.get("attributes").get(0).get("value").asText());
        assertEquals(72, linkinfo.get("attributes").get(0).get("offset").asInt());
    }

    @Test
    void offsetsPointAtTheBytesTheyName() throws Exception {
        var df = Fixtures.newLink();
        JsonNode attrs = parse(new FrameJson().toJson(df)).get("messages").get(0).get("attributes");
        byte[] data = df.frame().data();
        for (JsonNode a : attrs) {
            int off = a.get("offset").asInt();
            int nlaLen = (data[off] & 0xff) | (data[off + 1] & 0xff) << 8;
            int nlaType = ((data[off + 2] & 0xff) | (data[off + 3] & 0xff) << 8) & 0x3fff;
            assertEquals(a.get("len").asInt(), nlaLen);
            assertEquals(a.get("type").asInt(), nlaType, "type has NLA_F_NESTED masked off");
        }
    }

    @Test
    void errorCarriesErrnoExtAckAndTheEchoedRequest() throws Exception {
        JsonNode m = parse(new FrameJson().toJson(Fixtures.error())).get("messages").get(0);
        JsonNode e = m.get("error");
        assertEquals(-17, e.get("code").asInt());
        assertEquals("EEXIST", e.get("name").asText());
        assertEquals("File exists", e.get("text").asText());
        assertEquals("Device exists", e.get("message").asText());
        assertEquals(32, e.get("bad_attr_offset").asInt());
        assertEquals("IFLA_IFNAME", e.get("bad_attr").asText());
        assertEquals("RTM_NEWLINK", e.get("request").get("type_name").asText());
        assertEquals(36, e.get("request").get("offset").asInt());
        assertFalse(e.get("request").has("error"));
        assertEquals("NLMSGERR_ATTR_MSG", e.get("ext_ack").get(0).get("name").asText());
        assertEquals(32, e.get("ext_ack").get(1).get("value").asInt());
    }

    @Test
    void genlHeaderBigNumbersStructsAndUnknowns() throws Exception {
        JsonNode f = parse(new FrameJson().toJson(Fixtures.genl()));
        JsonNode m = f.get("messages").get(0);
        assertEquals("{\"family_id\":16,\"family\":\"nlctrl\",\"cmd\":1,\"cmd_name\":\"CTRL_CMD_NEWFAMILY\",\"version\":2}",
                m.get("genl").toString());
        JsonNode attrs = m.get("attributes");
        assertTrue(attrs.get(1).get("value").isBigInteger() || attrs.get(1).get("value").isNumber());
        assertEquals(new BigInteger("18446744073709551615"), attrs.get(1).get("value").bigIntegerValue());
        assertEquals("{\"lo\":5,\"hi\":6}", attrs.get(2).get("value").toString());
        assertTrue(attrs.get(3).get("name").isNull(), "an unknown attribute's name is null");
        assertEquals(99, attrs.get(3).get("type").asInt());
        assertEquals("abcd", attrs.get(3).get("value").asText());
        assertEquals("attribute at offset 80 is cut short", m.get("problems").get(0).asText());
    }

    @Test
    void enumsAndFlagSetsAddTheirNames() throws Exception {
        // the fixed header keeps plain values; attributes carry value_name / value_names
        var f = Fixtures.newLink();
        var msg = f.messages().get(0);
        var flagsAttr = org.nlscope.model.Field.value("IFLA_FLAGS_TEST", 50, 3L, "UP|BROADCAST", 60, 8)
                .withValueNames(List.of("IFF_UP", "IFF_BROADCAST"));
        var enumAttr = org.nlscope.model.Field.value("IFLA_OPERSTATE", 16, 6L, "UP", 60, 5).withValueName("IF_OPER_UP");
        var m2 = new org.nlscope.model.DecodedMessage(msg.offset(), msg.header(), msg.typeName(), msg.flagNames(), null,
                List.of(), List.of(flagsAttr, enumAttr), null, msg.summary(), List.of());
        JsonNode attrs = parse(new FrameJson().toJson(m2)).get("attributes");
        assertEquals("[\"IFF_UP\",\"IFF_BROADCAST\"]", attrs.get(0).get("value_names").toString());
        assertFalse(attrs.get(0).has("value_name"));
        assertEquals("IF_OPER_UP", attrs.get(1).get("value_name").asText());
        assertFalse(attrs.get(1).has("value_names"));
    }

    @Test
    void processIsAddedWhenKnown() throws Exception {
        FrameJson json = new FrameJson(port -> port == 4242 ? new ProcessInfo(4242, 311, "ip", false) : null);
        JsonNode m = parse(json.toJson(Fixtures.newLink())).get("messages").get(0);
        assertEquals("{\"pid\":311,\"name\":\"ip\",\"gone\":false}", m.get("process").toString());
    }

    @Test
    void writesOneLinePerFrame() throws Exception {
        StringWriter out = new StringWriter();
        FrameJson json = new FrameJson();
        json.write(Fixtures.newLink(), out);
        json.write(Fixtures.error(), out);
        json.write(Fixtures.runt(), out);
        String[] lines = out.toString().split("\n", -1);
        assertEquals(4, lines.length);
        assertEquals("", lines[3]);
        assertEquals(2, parse(lines[1]).get("frame").asInt());
        JsonNode runt = parse(lines[2]);
        assertEquals(0, runt.get("messages").size());
        assertTrue(runt.get("family_name").isNull());
        assertEquals("unknown", runt.get("direction").asText());
        assertEquals(1, runt.get("problems").size());
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
