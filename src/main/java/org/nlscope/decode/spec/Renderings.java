package org.nlscope.decode.spec;

import java.util.List;
import org.nlscope.model.Field;

/** The displays of fields made of children, worked out from them when shown. */
final class Renderings {
    private Renderings() {
    }

    private static final int STRUCT_DISPLAY_MEMBERS = 8;

    /** A struct value: its first members, "family=INET ifindex=3 …". */
    static final Field.Rendering STRUCT = f -> structDisplay(f.children());

    /** An array: "3 entries". */
    static final Field.Rendering ENTRIES = f -> f.children().size() + " entries";

    /** A bitfield32: "0x1 (selector 0x3)", by its value and selector members. */
    static final Field.Rendering BITFIELD32 = f -> f.children().get(0).display()
            + " (selector " + f.children().get(1).display() + ")";

    /** A one-line readable form of struct members ("family=INET ifindex=3"), as struct values are displayed. */
    static String structDisplay(List<Field> members) {
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (Field m : members) {
            if (shown == STRUCT_DISPLAY_MEMBERS) {
                sb.append(" …");
                break;
            }
            sb.append(shown++ == 0 ? "" : " ").append(m.label()).append('=').append(m.display());
        }
        return sb.toString();
    }

    /** An interface index this capture has named: "dum0(3)", the name as the value name. */
    record InterfaceName(String name) implements Field.Rendering {
        @Override
        public String display(Field f) {
            return name + "(" + f.value() + ")";
        }

        @Override
        public String valueName(Field f) {
            return name;
        }
    }
}
