package org.nlscope.decode;

import java.util.ArrayList;
import java.util.List;
import org.nlscope.model.Field;

/** A minimal nlctrl dissector for the engine's tests: two commands, two attributes. */
final class TestNlctrlDissector implements Dissector {

    @Override
    public DissectorKey key() {
        return DissectorKey.genl("nlctrl");
    }

    @Override
    public String messageName(int cmd) {
        return switch (cmd) {
            case 1 -> "CTRL_CMD_NEWFAMILY";
            case 2 -> "CTRL_CMD_DELFAMILY";
            case 3 -> "CTRL_CMD_GETFAMILY";
            default -> null;
        };
    }

    @Override
    public MessageKind kind(int cmd) {
        return cmd == 3 ? MessageKind.GET : cmd == 1 ? MessageKind.NEW : MessageKind.OTHER;
    }

    @Override
    public String attributeName(int type, boolean request, String nestPath, int attrType) {
        return nestPath == null && attrType == 2 ? "CTRL_ATTR_FAMILY_NAME" : null;
    }

    @Override
    public MessageBody decode(int cmd, boolean request, ByteView body, DecodeContext context) {
        List<String> problems = new ArrayList<>();
        List<Field> out = new ArrayList<>();
        AttrReader.Result r = AttrReader.read(body);
        String name = "";
        for (NlAttr a : r.attributes()) {
            if (a.type() == 1) {
                out.add(Fields.integer("CTRL_ATTR_FAMILY_ID", a, body, 2, false, false));
            } else if (a.type() == 2) {
                Field f = Fields.string("CTRL_ATTR_FAMILY_NAME", a, body);
                name = (String) f.value();
                out.add(f);
            } else {
                out.add(RawAttributes.attribute(a, body, 0, problems));
            }
        }
        if (!r.clean()) {
            problems.add(r.problem());
        }
        return new MessageBody(List.of(), out, name, problems);
    }
}
