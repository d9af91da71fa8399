package org.nlscope.decode.spec;

import java.util.List;
import org.nlscope.decode.ByteView;
import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.NlAttr;
import org.nlscope.model.Field;

/**
 * What the interpreter offers a {@link ValueDecoder} while it decodes one message:
 * the definitions of the same family by name, decoded exactly as the data-driven
 * parts are (enums, displays, nesting limits, problems on the fields).
 */
public interface SpecDecoding {

    /** What the capture knows (genl family ids, port owners). */
    DecodeContext context();

    /**
     * The attributes in a window, decoded with the family's attribute set of that name;
     * a sub-message inside finds its selector among these attributes, then outwards.
     *
     * @throws IllegalArgumentException when the family has no such set (a bug in the decoder)
     */
    Attributes attributes(String attributeSet, ByteView window);

    /** The members of the named struct, read from the window's start; members that do not fit are left out. */
    List<Field> struct(String struct, ByteView window);

    /** The size in bytes of the named struct. */
    int structSize(String struct);

    /**
     * Where the attribute being decoded sits: its own attribute list first, then each list
     * that encloses it, out to the message's. A decoder whose value's type depends on its
     * context (an nftables register's load earlier in the rule) reads it there.
     */
    Scope scope();

    /** The message's fixed header as decoded (nfgenmsg, ifinfomsg...), empty when it has none. */
    List<Field> header();

    /**
     * Bytes shown as a display of the dissector format would show them ("ipv4", "ipv6", "mac",
     * "uuid"...), or null when they do not fit it.
     *
     * @throws IllegalArgumentException for a word the format has no display for
     */
    String shaped(String display, ByteView v, int offset, int length);

    /** One attribute list around the value being decoded, and the list around it. */
    interface Scope {
        /** Its attributes, offsets absolute in the frame. */
        List<NlAttr> attrs();

        /** The kernel's name of one of its attribute types (NFTA_CMP_SREG), or null when its set has none. */
        String nameOf(int type);

        /** The list this one is nested in, or null for the message's own. */
        Scope outer();

        /** The attribute whose payload holds a frame offset, or null. */
        default NlAttr containing(int offset) {
            for (NlAttr a : attrs()) {
                if (offset >= a.payloadOffset() && offset < a.offset() + a.length()) {
                    return a;
                }
            }
            return null;
        }

        /** The first attribute of this kernel name, or null. */
        default NlAttr named(String name) {
            for (NlAttr a : attrs()) {
                if (name.equals(nameOf(a.type()))) {
                    return a;
                }
            }
            return null;
        }
    }

    /** A one-line readable form of struct members ("family=INET ifindex=3"), as struct values are displayed. */
    String structDisplay(List<Field> members);

    /**
     * Decoded attributes and what stopped their walk early.
     *
     * @param fields  the attributes
     * @param problem why the walk stopped before the window's end, or null
     */
    record Attributes(List<Field> fields, String problem) {
        public Attributes {
            fields = org.nlscope.model.FieldList.immutable(fields);
        }
    }
}
