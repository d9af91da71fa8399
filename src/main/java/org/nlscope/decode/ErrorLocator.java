package org.nlscope.decode;

import static org.nlscope.uapi.Genetlink.GENL_HDRLEN;

import java.util.ArrayList;
import java.util.List;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.Field;
import org.nlscope.model.NlMsgHeader;

/**
 * Finds what an offset into a request points at: the kernel reports the attribute it
 * rejected (NLMSGERR_ATTR_OFFS) or the nest missing an attribute (NLMSGERR_ATTR_MISS_NEST)
 * as a byte offset from the request's nlmsghdr.
 */
public final class ErrorLocator {

    private ErrorLocator() {
    }

    /**
     * The path of the innermost field covering that byte of the request, such as
     * "IFLA_LINKINFO/IFLA_INFO_KIND", "nlmsghdr" or "genlmsghdr"; null when the request
     * (for example a capped echo) has nothing there.
     *
     * @param request            the request as decoded, wherever it was found in the capture
     * @param offsetFromNlmsghdr the kernel's offset, counted from the request's nlmsghdr
     */
    public static String path(DecodedMessage request, int offsetFromNlmsghdr) {
        if (request == null || offsetFromNlmsghdr < 0) {
            return null;
        }
        if (offsetFromNlmsghdr < NlMsgHeader.SIZE) {
            return "nlmsghdr";
        }
        if (request.genl() != null && offsetFromNlmsghdr < NlMsgHeader.SIZE + GENL_HDRLEN) {
            return "genlmsghdr";
        }
        long target = (long) request.offset() + offsetFromNlmsghdr;
        List<String> path = new ArrayList<>();
        if (find(request.fixedHeader(), target, path) || find(request.attributes(), target, path)) {
            return String.join("/", path);
        }
        return null;
    }

    private static boolean find(List<Field> fields, long target, List<String> path) {
        for (Field f : fields) {
            if (covers(f, target)) {
                path.add(f.label());
                find(f.children(), target, path);
                return true;
            }
        }
        return false;
    }

    private static boolean covers(Field f, long target) {
        return target >= f.offset() && (target < (long) f.offset() + f.length() || target == f.offset());
    }
}
