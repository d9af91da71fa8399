package org.nlscope.decode;

import java.util.List;

/**
 * A dissector (or none) behind a guard: whatever it throws becomes a problem and the
 * bytes fall back to their raw decode, so one broken dissector costs one message its
 * names, never the frame.
 */
record SafeDissector(Dissector dissector) {
    static final SafeDissector NONE = new SafeDissector(null);

    static SafeDissector of(Dissector d) {
        return d == null ? NONE : new SafeDissector(d);
    }

    String messageName(int type, boolean request, List<String> problems) {
        if (dissector == null) {
            return null;
        }
        try {
            return dissector.messageName(type, request);
        } catch (RuntimeException | StackOverflowError e) {
            problems.add(failed(e));
            return null;
        }
    }

    MessageKind kind(int type, boolean request, List<String> problems) {
        if (dissector == null) {
            return MessageKind.OTHER;
        }
        try {
            MessageKind k = dissector.kind(type, request);
            return k == null ? MessageKind.OTHER : k;
        } catch (RuntimeException | StackOverflowError e) {
            problems.add(failed(e));
            return MessageKind.OTHER;
        }
    }

    /** The dissector's decode (of what the summary needs, when summaryOnly) when it knows the type, else the raw decode. */
    MessageBody decode(int type, String typeName, boolean request, ByteView body, DecodeContext context,
                       boolean summaryOnly) {
        if (dissector == null || typeName == null) {
            return RawAttributes.body(body);
        }
        try {
            MessageBody b = summaryOnly ? dissector.decodeForSummary(type, request, body, context)
                    : dissector.decode(type, request, body, context);
            if (b != null) {
                return b;
            }
            return withProblem(RawAttributes.body(body), "dissector " + label() + " returned no body");
        } catch (RuntimeException | StackOverflowError e) {
            return withProblem(RawAttributes.body(body), failed(e));
        }
    }

    String attributeName(int type, boolean request, String nestPath, int attrType) {
        if (dissector == null) {
            return null;
        }
        try {
            return dissector.attributeName(type, request, nestPath, attrType);
        } catch (RuntimeException | StackOverflowError e) {
            return null;
        }
    }

    private String failed(Throwable e) {
        String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return "dissector " + label() + " failed: " + what;
    }

    private String label() {
        try {
            return String.valueOf(dissector.key());
        } catch (RuntimeException e) {
            return dissector.getClass().getSimpleName();
        }
    }

    private static MessageBody withProblem(MessageBody b, String problem) {
        List<String> problems = new java.util.ArrayList<>(b.problems());
        problems.add(0, problem);
        return new MessageBody(b.fixedHeader(), b.attributes(), b.summary(), problems);
    }
}
