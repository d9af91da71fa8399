package org.nlscope.session.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.function.LongFunction;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.ErrorInfo;
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
    static final byte[] OFFSET = JsonWriter.ascii("{\"offset\":");
    static final byte[] LEN = JsonWriter.ascii(",\"len\":");
    static final byte[] TYPE = JsonWriter.ascii(",\"type\":");
    private static final byte[] TYPE_NAME = JsonWriter.ascii(",\"type_name\":");
    private static final byte[] FLAGS = JsonWriter.ascii(",\"flags\":");
    private static final byte[] FLAG_NAMES = JsonWriter.ascii(",\"flag_names\":");
    private static final byte[] SEQ = JsonWriter.ascii(",\"seq\":");
    private static final byte[] PID = JsonWriter.ascii(",\"pid\":");
    private static final byte[] PROCESS = JsonWriter.ascii(",\"process\":{\"pid\":");
    static final byte[] NAME = JsonWriter.ascii(",\"name\":");
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
        return Utf8Output.text(bytes -> frame(df, new JsonWriter(bytes)));
    }

    /** One message in the shape of an entry of "messages", for copying a single message. */
    public String toJson(DecodedMessage m) {
        return Utf8Output.text(bytes -> message(m, new JsonWriter(bytes)));
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
        FieldJson.members(m.fixedHeader(), g);
        g.raw(ATTRIBUTES);
        FieldJson.attributes(m.attributes(), g);
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
        FieldJson.attributes(e.extAck(), g);
        g.raw('}');
    }

    static void strings(List<String> values, JsonWriter g) throws IOException {
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
