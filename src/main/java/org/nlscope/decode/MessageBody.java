package org.nlscope.decode;

import java.util.List;
import org.nlscope.model.Field;
import org.nlscope.model.FieldList;

/**
 * What a dissector made of the bytes after the nlmsghdr (after the genlmsghdr for generic netlink).
 *
 * @param fixedHeader members of the fixed header (ifinfomsg...), empty when none
 * @param attributes  the top-level attributes
 * @param summary     the part of the one-line summary after the type name ("dum0 mtu 1400 UP"), may be empty
 * @param problems    what was malformed
 */
public record MessageBody(List<Field> fixedHeader, List<Field> attributes, String summary, List<String> problems) {
    /** No bytes, nothing to say. */
    public static final MessageBody EMPTY = new MessageBody(List.of(), List.of(), "", List.of());

    public MessageBody {
        fixedHeader = FieldList.immutable(fixedHeader);
        attributes = FieldList.immutable(attributes);
        summary = summary == null ? "" : summary;
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
