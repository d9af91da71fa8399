package org.nlscope.decode.spec;

import java.util.List;
import org.nlscope.decode.ByteView;
import org.nlscope.model.Field;

/**
 * Java code for a binary attribute whose layout data cannot say (RTA_MULTIPATH's
 * rtnexthop list, say), named in a dissector file with {@code decoder: NAME} and
 * found through {@link java.util.ServiceLoader}
 * (META-INF/services/org.nlscope.decode.spec.ValueDecoder). Implementations are
 * stateless and thread-safe.
 */
public interface ValueDecoder {

    /** The name files use in {@code decoder:}. */
    String name();

    /**
     * Decodes an attribute's payload. Must not throw for bad input: report it in
     * {@link Result#problem()}; reads outside {@code payload} fail the attribute, not the message.
     *
     * @param payload  the attribute's payload, offsets absolute in the frame
     * @param decoding structs and attribute sets of the same family, and the capture's context
     */
    Result decode(ByteView payload, SpecDecoding decoding);

    /**
     * What a decoder made of a payload; the interpreter wraps it in the attribute's Field.
     *
     * @param value    the Field value (Long, String...) or null
     * @param display  the readable value, or "" for a value shown by its children
     * @param children struct members (type -1) or attributes
     * @param nested   true when the children are attributes
     * @param problem  what was malformed, or null
     */
    record Result(Object value, String display, List<Field> children, boolean nested, String problem) {
        public Result {
            display = display == null ? "" : display;
            children = org.nlscope.model.FieldList.immutable(children);
        }

        /** A value made of children, such as a list of entries. */
        public static Result ofChildren(List<Field> children, String display, String problem) {
            return new Result(null, display, children, false, problem);
        }

        /** A plain value. */
        public static Result ofValue(Object value, String display) {
            return new Result(value, display, List.of(), false, null);
        }
    }
}
