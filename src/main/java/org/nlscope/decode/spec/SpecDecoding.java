package org.nlscope.decode.spec;

import java.util.List;
import org.nlscope.decode.ByteView;
import org.nlscope.decode.DecodeContext;
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
