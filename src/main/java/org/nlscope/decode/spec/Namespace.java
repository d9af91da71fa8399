package org.nlscope.decode.spec;

import java.util.Map;
import org.nlscope.decode.DissectorKey;
import org.nlscope.decode.spec.FamilySpec.Format;
import org.nlscope.decode.spec.FamilySpec.Message;

/**
 * Everything the files of one family define, checked and indexed: what the
 * interpreter looks names up in.
 *
 * @param subMessages sub-message name to its formats by selector value
 * @param messages    nlmsg_type (or genl cmd) to the message with NLM_F_REQUEST set
 * @param replies     nlmsg_type (or genl cmd) to the message with NLM_F_REQUEST clear
 * @param fixedHeader genl: the struct after the genlmsghdr of every message, or null
 */
record Namespace(DissectorKey key, Map<String, EnumDef> enums, Map<String, StructDef> structs,
                 Map<String, AttrSetDef> attributeSets, Map<String, Map<String, Format>> subMessages,
                 Map<Integer, Message> messages, Map<Integer, Message> replies, String fixedHeader) {

    /** The message of this type in this direction. */
    Message message(int type, boolean request) {
        return (request ? messages : replies).get(type);
    }
}
