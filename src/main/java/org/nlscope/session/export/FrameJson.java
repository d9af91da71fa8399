package org.nlscope.session.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.ErrorInfo;
import org.nlscope.model.Field;
import org.nlscope.model.GenlInfo;
import org.nlscope.model.ProcessInfo;
import org.nlscope.model.TerminalText;

/**
 * The JSON contract of {@code read --json} (issue 2): one object per frame, one per line.
 * Keys beyond the contract are only ever added ("text", "process", "ext_ack",
 * "problem" on an attribute, "problems" and "comment" on a frame), never renamed.
 * Written with Jackson's streaming generator so a frame costs no intermediate tree.
 */
public final class FrameJson {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build()
            .setCharacterEscapes(new TerminalEscapes());

    /**
     * Jackson escapes C0 controls already; DEL, C1 and what {@link TerminalText} also
     * escapes go out as {@code \\uXXXX} escapes too, so a JSON line on a terminal stays inert
     * while every value keeps its exact characters.
     */
    private static final class TerminalEscapes extends com.fasterxml.jackson.core.io.CharacterEscapes {
        private static final int[] ASCII = standardAsciiEscapesForJSON();

        static {
            ASCII[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII;
        }

        @Override
        public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int ch) {
            if (ch > 0x7f && ch <= 0xffff && !TerminalText.isSafe((char) ch)) {
                return new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04x", ch));
            }
            return null;
        }
    }

    private final LongFunction<ProcessInfo> processes;

    public FrameJson() {
        this(port -> null);
    }

    /** @param processes the process behind a netlink port id, or null when unknown */
    public FrameJson(LongFunction<ProcessInfo> processes) {
        this.processes = processes;
    }

    /** Writes the frame as one line of JSON followed by a line break. */
    public void write(DecodedFrame df, Writer out) {
        try {
            try (JsonGenerator g = FACTORY.createGenerator(out)) {
                frame(df, g);
            }
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The frame as one line of JSON, without a line break. */
    public String toJson(DecodedFrame df) {
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(sw)) {
            frame(df, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.toString();
    }

    /** One message in the shape of an entry of "messages", for copying a single message. */
    public String toJson(DecodedMessage m) {
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(sw)) {
            message(m, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.toString();
    }

    private void frame(DecodedFrame df, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeNumberField("frame", df.number());
        g.writeNumberField("time_ns", df.frame().timestampNanos());
        g.writeNumberField("family", df.family());
        g.writeStringField("family_name", df.familyName());
        g.writeStringField("direction", df.direction().jsonName());
        g.writeBooleanField("direction_inferred", df.directionInferred());
        g.writeNumberField("length", df.frame().originalLength());
        if (df.frame().capturedLength() != df.frame().originalLength()) {
            g.writeNumberField("captured_length", df.frame().capturedLength());
        }
        if (df.frame().comment() != null) {
            g.writeStringField("comment", df.frame().comment());
        }
        g.writeArrayFieldStart("messages");
        for (DecodedMessage m : df.messages()) {
            message(m, g);
        }
        g.writeEndArray();
        strings("problems", df.problems(), g);
        g.writeEndObject();
    }

    private void message(DecodedMessage m, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeNumberField("offset", m.offset());
        g.writeNumberField("len", m.header().length());
        g.writeNumberField("type", m.header().type());
        g.writeStringField("type_name", m.typeName());
        g.writeNumberField("flags", m.header().flags());
        strings("flag_names", m.flagNames(), g);
        g.writeNumberField("seq", m.header().seq());
        g.writeNumberField("pid", m.header().pid());
        ProcessInfo p = m.header().pid() != 0 ? processes.apply(m.header().pid()) : null;
        if (p != null) {
            g.writeObjectFieldStart("process");
            g.writeNumberField("pid", p.pid());
            g.writeStringField("name", p.name());
            g.writeBooleanField("gone", p.gone());
            g.writeEndObject();
        }
        GenlInfo genl = m.genl();
        if (genl != null) {
            g.writeObjectFieldStart("genl");
            g.writeNumberField("family_id", genl.familyId());
            g.writeStringField("family", genl.family());
            g.writeNumberField("cmd", genl.cmd());
            g.writeStringField("cmd_name", genl.cmdName());
            g.writeNumberField("version", genl.version());
            g.writeEndObject();
        }
        g.writeFieldName("header");
        members(m.fixedHeader(), g);
        g.writeFieldName("attributes");
        attributes(m.attributes(), g);
        if (m.error() != null) {
            error(m.error(), g);
        }
        strings("problems", m.problems(), g);
        g.writeEndObject();
    }

    private void error(ErrorInfo e, JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("error");
        g.writeNumberField("code", e.code());
        g.writeStringField("name", e.name());
        g.writeStringField("text", e.text());
        g.writeStringField("message", e.message());
        g.writeFieldName("bad_attr_offset");
        if (e.badAttrOffset() == null) {
            g.writeNull();
        } else {
            g.writeNumber(e.badAttrOffset());
        }
        g.writeStringField("bad_attr", e.badAttr());
        g.writeFieldName("request");
        if (e.request() == null) {
            g.writeNull();
        } else {
            message(e.request(), g);
        }
        g.writeFieldName("ext_ack");
        attributes(e.extAck(), g);
        g.writeEndObject();
    }

    private static void attributes(List<Field> attrs, JsonGenerator g) throws IOException {
        g.writeStartArray();
        for (Field a : attrs) {
            g.writeStartObject();
            g.writeNumberField("offset", a.offset());
            g.writeNumberField("len", a.length());
            g.writeNumberField("type", a.type());
            g.writeStringField("name", a.name());
            if (a.nested()) {
                g.writeBooleanField("nested", true);
                g.writeFieldName("attributes");
                attributes(a.children(), g);
            } else {
                g.writeFieldName("value");
                value(a, g);
                if (a.valueName() != null) {
                    g.writeStringField("value_name", a.valueName());
                }
                if (!a.valueNames().isEmpty()) {
                    strings("value_names", a.valueNames(), g);
                }
            }
            if (a.problem() != null) {
                g.writeStringField("problem", a.problem());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** A field's value: a scalar, or for a struct-typed value an object of its members (an array when they repeat). */
    private static void value(Field f, JsonGenerator g) throws IOException {
        if (f.children().isEmpty()) {
            scalar(f.value(), g);
        } else if (uniqueNames(f.children())) {
            members(f.children(), g);
        } else {
            g.writeStartArray();
            for (Field c : f.children()) {
                value(c, g);
            }
            g.writeEndArray();
        }
    }

    /** Members as an object name -> value (the fixed header, a struct). */
    private static void members(List<Field> members, JsonGenerator g) throws IOException {
        g.writeStartObject();
        for (Field m : members) {
            g.writeFieldName(m.label());
            value(m, g);
        }
        g.writeEndObject();
    }

    private static boolean uniqueNames(List<Field> fields) {
        Set<String> seen = new HashSet<>();
        for (Field f : fields) {
            if (f.name() == null || !seen.add(f.name())) {
                return false;
            }
        }
        return true;
    }

    private static void scalar(Object v, JsonGenerator g) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof BigInteger b) {
            g.writeNumber(b);
        } else if (v instanceof Number n) {
            g.writeNumber(n.longValue());
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            g.writeString(v.toString());
        }
    }

    private static void strings(String name, List<String> values, JsonGenerator g) throws IOException {
        g.writeArrayFieldStart(name);
        for (String s : values) {
            g.writeString(s);
        }
        g.writeEndArray();
    }
}
