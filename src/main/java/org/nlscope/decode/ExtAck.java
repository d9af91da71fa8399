package org.nlscope.decode;

import static org.nlscope.uapi.Netlink.NLMSGERR_ATTR_COOKIE;
import static org.nlscope.uapi.Netlink.NLMSGERR_ATTR_MISS_NEST;
import static org.nlscope.uapi.Netlink.NLMSGERR_ATTR_MISS_TYPE;
import static org.nlscope.uapi.Netlink.NLMSGERR_ATTR_MSG;
import static org.nlscope.uapi.Netlink.NLMSGERR_ATTR_OFFS;
import static org.nlscope.uapi.Netlink.NLMSGERR_ATTR_POLICY;

import java.util.ArrayList;
import java.util.List;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.Field;

/**
 * The extended ACK attributes after an NLMSG_ERROR's echoed request or an NLMSG_DONE's
 * error code (enum nlmsgerr_attrs in linux/netlink.h).
 */
final class ExtAck {

    /** Names a missing attribute by number inside the nest at nestPath (null: the top level). */
    interface MissingNamer {
        String name(String nestPath, int attrType);

        MissingNamer NONE = (nestPath, attrType) -> null;
    }

    /**
     * @param fields   every attribute, decoded
     * @param message  NLMSGERR_ATTR_MSG, or null
     * @param offset   NLMSGERR_ATTR_OFFS, or null
     * @param badAttr  the path the offset points to in the request, or null
     * @param problems what was malformed
     */
    record Result(List<Field> fields, String message, Integer offset, String badAttr, List<String> problems) {
        static final Result NONE = new Result(List.of(), null, null, null, List.of());
    }

    private ExtAck() {
    }

    /**
     * @param tlvs    the window of attributes
     * @param request the echoed request when it was echoed whole (offsets resolve against it), else null
     * @param namer   names MISS_TYPE
     */
    static Result decode(ByteView tlvs, DecodedMessage request, MissingNamer namer) {
        AttrReader.Result walk = AttrReader.read(tlvs);
        List<String> problems = new ArrayList<>();
        if (!walk.clean()) {
            problems.add("extended ACK: " + walk.problem());
        }
        // MISS_NEST names the scope of MISS_TYPE but comes after it: find it first
        String missNestPath = null;
        boolean missNestGiven = false;
        for (NlAttr a : walk.attributes()) {
            if (a.type() == NLMSGERR_ATTR_MISS_NEST && a.payloadLength() == 4) {
                missNestGiven = true;
                missNestPath = ErrorLocator.path(request, (int) tlvs.u32(a.payloadOffset()));
            }
        }
        List<Field> fields = new ArrayList<>();
        String message = null;
        Integer offset = null;
        String badAttr = null;
        for (NlAttr a : walk.attributes()) {
            Field f = switch (a.type()) {
                case NLMSGERR_ATTR_MSG -> Fields.string("NLMSGERR_ATTR_MSG", a, tlvs);
                case NLMSGERR_ATTR_OFFS -> located("NLMSGERR_ATTR_OFFS", a, tlvs, request);
                case NLMSGERR_ATTR_COOKIE -> Fields.hex("NLMSGERR_ATTR_COOKIE", a, tlvs);
                case NLMSGERR_ATTR_POLICY -> Policy.field("NLMSGERR_ATTR_POLICY", a, tlvs);
                case NLMSGERR_ATTR_MISS_TYPE -> missType(a, tlvs, missNestGiven && missNestPath == null
                        ? MissingNamer.NONE : namer, missNestPath);
                case NLMSGERR_ATTR_MISS_NEST -> located("NLMSGERR_ATTR_MISS_NEST", a, tlvs, request);
                default -> RawAttributes.attribute(a, tlvs, 0, problems);
            };
            if (f.problem() != null && a.type() >= NLMSGERR_ATTR_MSG && a.type() <= NLMSGERR_ATTR_MISS_NEST) {
                problems.add(f.problem());
            }
            if (a.type() == NLMSGERR_ATTR_MSG) {
                message = (String) f.value();
            } else if (a.type() == NLMSGERR_ATTR_OFFS && f.value() instanceof Long v) {
                offset = (int) (long) v;
                badAttr = f.valueName();
            }
            fields.add(f);
        }
        return new Result(fields, message, offset, badAttr, problems);
    }

    /** A u32 offset into the request, named with the path it points to (as valueName) when the request is known. */
    private static Field located(String name, NlAttr a, ByteView w, DecodedMessage request) {
        Field f = Fields.integer(name, a, w, 4, false, false);
        if (!(f.value() instanceof Long v)) {
            return f;
        }
        String path = ErrorLocator.path(request, (int) (long) v);
        if (path == null) {
            return f;
        }
        return Fields.attr(name, a, v, path, v + " (" + path + ")", null);
    }

    private static Field missType(NlAttr a, ByteView w, MissingNamer namer, String nestPath) {
        Field f = Fields.integer("NLMSGERR_ATTR_MISS_TYPE", a, w, 4, false, false);
        if (!(f.value() instanceof Long v)) {
            return f;
        }
        String attrName = namer.name(nestPath, (int) (long) v);
        if (attrName == null) {
            return f;
        }
        return Fields.attr("NLMSGERR_ATTR_MISS_TYPE", a, v, attrName, v + " (" + attrName + ")", null);
    }
}
