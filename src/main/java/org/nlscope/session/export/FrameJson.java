package org.nlscope.session.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
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

/**
 * The JSON contract of {@code read --json} (issue 2): one object per frame, one per line.
 * Keys beyond the contract are only ever added ("text", "process", "ext_ack",
 * "problem" on an attribute, "problems" and "comment" on a frame), never renamed.
 * Written as bytes straight into the output ({@link JsonWriter}): a frame costs no
 * intermediate tree and no String per value.
 */
public final class FrameJson {

    private static final byte[] FRAME = JsonWriter.ascii("{\"frame\":");
    private static final byte[] TIME_NS = JsonWriter.ascii(",\"time_ns\":");
    private static final byte[] FAMILY = JsonWriter.ascii(",\"family\":");
    private static final byte[] FAMILY_NAME = JsonWriter.ascii(",\"family_name\":");
    private static final byte[] DIRECTION = JsonWriter.ascii(",\"direction\":");
    private static final byte[] DIRECTION_INFERRED = JsonWriter.ascii(",\"direction_inferred\":");
    private static final byte[] LENGTH = JsonWriter.ascii(",\"length\":");
    private static final byte[] CAPTURED_LENGTH = JsonWriter.ascii(",\"captured_length\":");
    private static final byte[] COMMENT = JsonWriter.ascii(",\"comment\":");
    private static final byte[] MESSAGES = JsonWriter.ascii(",\"messages\":[");
    private static final byte[] PROBLEMS = JsonWriter.ascii(",\"problems\":");
    private static final byte[] OFFSET = JsonWriter.ascii("{\"offset\":");
    private static final byte[] LEN = JsonWriter.ascii(",\"len\":");
    private static final byte[] TYPE = JsonWriter.ascii(",\"type\":");
    private static final byte[] TYPE_NAME = JsonWriter.ascii(",\"type_name\":");
    private static final byte[] FLAGS = JsonWriter.ascii(",\"flags\":");
    private static final byte[] FLAG_NAMES = JsonWriter.ascii(",\"flag_names\":");
    private static final byte[] SEQ = JsonWriter.ascii(",\"seq\":");
    private static final byte[] PID = JsonWriter.ascii(",\"pid\":");
    private static final byte[] PROCESS = JsonWriter.ascii(",\"process\":{\"pid\":");
    private static final byte[] NAME = JsonWriter.ascii(",\"name\":");
    private static final byte[] GONE = JsonWriter.ascii(",\"gone\":");
    private static final byte[] GENL = JsonWriter.ascii(",\"genl\":{\"family_id\":");
    private static final byte[] CMD = JsonWriter.ascii(",\"cmd\":");
    private static final byte[] CMD_NAME = JsonWriter.ascii(",\"cmd_name\":");
    private static final byte[] VERSION = JsonWriter.ascii(",\"version\":");
    private static final byte[] HEADER = JsonWriter.ascii(",\"header\":");
    private static final byte[] ATTRIBUTES = JsonWriter.ascii(",\"attributes\":");
    private static final byte[] ERROR = JsonWriter.ascii(",\"error\":{\"code\":");
    private static final byte[] TEXT = JsonWriter.ascii(",\"text\":");
    private static final byte[] MESSAGE = JsonWriter.ascii(",\"message\":");
    private static final byte[] BAD_ATTR_OFFSET = JsonWriter.ascii(",\"bad_attr_offset\":");
    private static final byte[] BAD_ATTR = JsonWriter.ascii(",\"bad_attr\":");
    private static final byte[] REQUEST = JsonWriter.ascii(",\"request\":");
    private static final byte[] EXT_ACK = JsonWriter.ascii(",\"ext_ack\":");
    private static final byte[] NESTED = JsonWriter.ascii(",\"nested\":true,\"attributes\":");
    private static final byte[] VALUE = JsonWriter.ascii(",\"value\":");
    private static final byte[] VALUE_NAME = JsonWriter.ascii(",\"value_name\":");
    private static final byte[] VALUE_NAMES = JsonWriter.ascii(",\"value_names\":");
    private static final byte[] PROBLEM = JsonWriter.ascii(",\"problem\":");

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
            if (out instanceof Utf8Output bytes) {
                frame(df, new JsonWriter(bytes));
                bytes.ascii('\n');
            } else {
                out.write(toJson(df));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The frame as one line of JSON, without a line break. */
    public String toJson(DecodedFrame df) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream(1024);
        Utf8Output bytes = new Utf8Output(sink);
        try {
            frame(df, new JsonWriter(bytes));
            bytes.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sink.toString(StandardCharsets.UTF_8);
    }

    /** One message in the shape of an entry of "messages", for copying a single message. */
    public String toJson(DecodedMessage m) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream(1024);
        Utf8Output bytes = new Utf8Output(sink);
        try {
            message(m, new JsonWriter(bytes));
            bytes.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sink.toString(StandardCharsets.UTF_8);
    }

    private void frame(DecodedFrame df, JsonWriter g) throws IOException {
        g.raw(FRAME);
        g.number(df.number());
        g.raw(TIME_NS);
        g.number(df.frame().timestampNanos());
        g.raw(FAMILY);
        g.number(df.family());
        g.raw(FAMILY_NAME);
        g.string(df.familyName());
        g.raw(DIRECTION);
        g.string(df.direction().jsonName());
        g.raw(DIRECTION_INFERRED);
        g.bool(df.directionInferred());
        g.raw(LENGTH);
        g.number(df.frame().originalLength());
        if (df.frame().capturedLength() != df.frame().originalLength()) {
            g.raw(CAPTURED_LENGTH);
            g.number(df.frame().capturedLength());
        }
        if (df.frame().comment() != null) {
            g.raw(COMMENT);
            g.string(df.frame().comment());
        }
        g.raw(MESSAGES);
        List<DecodedMessage> messages = df.messages();
        for (int i = 0; i < messages.size(); i++) {
            if (i > 0) {
                g.raw(',');
            }
            message(messages.get(i), g);
        }
        g.raw(']');
        g.raw(PROBLEMS);
        strings(df.problems(), g);
        g.raw('}');
    }

    private void message(DecodedMessage m, JsonWriter g) throws IOException {
        g.raw(OFFSET);
        g.number(m.offset());
        g.raw(LEN);
        g.number(m.header().length());
        g.raw(TYPE);
        g.number(m.header().type());
        g.raw(TYPE_NAME);
        g.string(m.typeName());
        g.raw(FLAGS);
        g.number(m.header().flags());
        g.raw(FLAG_NAMES);
        strings(m.flagNames(), g);
        g.raw(SEQ);
        g.number(m.header().seq());
        g.raw(PID);
        g.number(m.header().pid());
        ProcessInfo p = m.header().pid() != 0 ? processes.apply(m.header().pid()) : null;
        if (p != null) {
            g.raw(PROCESS);
            g.number(p.pid());
            g.raw(NAME);
            g.string(p.name());
            g.raw(GONE);
            g.bool(p.gone());
            g.raw('}');
        }
        GenlInfo genl = m.genl();
        if (genl != null) {
            g.raw(GENL);
            g.number(genl.familyId());
            g.raw(FAMILY);
            g.string(genl.family());
            g.raw(CMD);
            g.number(genl.cmd());
            g.raw(CMD_NAME);
            g.string(genl.cmdName());
            g.raw(VERSION);
            g.number(genl.version());
            g.raw('}');
        }
        g.raw(HEADER);
        members(m.fixedHeader(), g);
        g.raw(ATTRIBUTES);
        attributes(m.attributes(), g);
        if (m.error() != null) {
            error(m.error(), g);
        }
        g.raw(PROBLEMS);
        strings(m.problems(), g);
        g.raw('}');
    }

    private void error(ErrorInfo e, JsonWriter g) throws IOException {
        g.raw(ERROR);
        g.number(e.code());
        g.raw(NAME);
        g.string(e.name());
        g.raw(TEXT);
        g.string(e.text());
        g.raw(MESSAGE);
        g.string(e.message());
        g.raw(BAD_ATTR_OFFSET);
        if (e.badAttrOffset() == null) {
            g.nul();
        } else {
            g.number(e.badAttrOffset());
        }
        g.raw(BAD_ATTR);
        g.string(e.badAttr());
        g.raw(REQUEST);
        if (e.request() == null) {
            g.nul();
        } else {
            message(e.request(), g);
        }
        g.raw(EXT_ACK);
        attributes(e.extAck(), g);
        g.raw('}');
    }

    private static void attributes(List<Field> attrs, JsonWriter g) throws IOException {
        g.raw('[');
        for (int i = 0, n = attrs.size(); i < n; i++) {
            Field a = attrs.get(i);
            if (i > 0) {
                g.raw(',');
            }
            g.raw(OFFSET);
            g.number(a.offset());
            g.raw(LEN);
            g.number(a.length());
            g.raw(TYPE);
            g.number(a.type());
            g.raw(NAME);
            g.string(a.name());
            if (a.nested()) {
                g.raw(NESTED);
                attributes(a.children(), g);
            } else {
                g.raw(VALUE);
                value(a, g);
                if (a.valueName() != null) {
                    g.raw(VALUE_NAME);
                    g.string(a.valueName());
                }
                if (!a.valueNames().isEmpty()) {
                    g.raw(VALUE_NAMES);
                    strings(a.valueNames(), g);
                }
            }
            if (a.problem() != null) {
                g.raw(PROBLEM);
                g.string(a.problem());
            }
            g.raw('}');
        }
        g.raw(']');
    }

    /** A field's value: a scalar, or for a struct-typed value an object of its members (an array when they repeat). */
    private static void value(Field f, JsonWriter g) throws IOException {
        List<Field> children = f.children();
        if (children.isEmpty()) {
            g.scalar(f.value());
        } else if (uniqueNames(children)) {
            members(children, g);
        } else {
            g.raw('[');
            for (int i = 0, n = children.size(); i < n; i++) {
                if (i > 0) {
                    g.raw(',');
                }
                value(children.get(i), g);
            }
            g.raw(']');
        }
    }

    /** Members as an object name -> value (the fixed header, a struct). */
    private static void members(List<Field> members, JsonWriter g) throws IOException {
        g.raw('{');
        for (int i = 0, n = members.size(); i < n; i++) {
            Field m = members.get(i);
            if (i > 0) {
                g.raw(',');
            }
            g.key(m.label());
            value(m, g);
        }
        g.raw('}');
    }

    private static boolean uniqueNames(List<Field> fields) {
        int n = fields.size();
        if (n <= 8) { // a struct's few members: compared pairwise, no set made
            for (int i = 0; i < n; i++) {
                String name = fields.get(i).name();
                if (name == null) {
                    return false;
                }
                for (int j = 0; j < i; j++) {
                    if (name.equals(fields.get(j).name())) {
                        return false;
                    }
                }
            }
            return true;
        }
        Set<String> seen = new HashSet<>();
        for (Field f : fields) {
            if (f.name() == null || !seen.add(f.name())) {
                return false;
            }
        }
        return true;
    }

    private static void strings(List<String> values, JsonWriter g) throws IOException {
        g.raw('[');
        for (int i = 0, n = values.size(); i < n; i++) {
            if (i > 0) {
                g.raw(',');
            }
            g.string(values.get(i));
        }
        g.raw(']');
    }
}
