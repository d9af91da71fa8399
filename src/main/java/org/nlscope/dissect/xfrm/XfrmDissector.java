package org.nlscope.dissect.xfrm;

import org.nlscope.decode.AttrReader;
import org.nlscope.decode.ByteView;
import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.MessageBody;
import org.nlscope.decode.spec.SpecBackedDissector;
import org.nlscope.decode.spec.SpecDissector;

/**
 * xfrm as its dissector file describes it, except for one thing a file cannot say: a
 * dump request (XFRM_MSG_GETSA or GETPOLICY with NLM_F_DUMP) has no fixed header, only
 * attributes (the kernel parses it with a header length of 0), while the same type
 * without NLM_F_DUMP carries an xfrm_usersa_id or xfrm_userpolicy_id. The flags are not
 * passed to a dissector, so a request body that is empty or parses cleanly as attributes
 * is taken for a dump: a header would have to start with an address whose first two
 * bytes happen to be a fitting attribute length.
 */
final class XfrmDissector extends SpecBackedDissector {
    static final int XFRM_MSG_GETSA = 0x12;
    static final int XFRM_MSG_GETPOLICY = 0x15;

    XfrmDissector(SpecDissector data) {
        super(data);
    }

    @Override
    public MessageBody decode(int type, boolean request, ByteView body, DecodeContext context) {
        if (request && (type == XFRM_MSG_GETSA || type == XFRM_MSG_GETPOLICY) && isDump(body)) {
            return data.decodeAs(null, "xfrm-attrs", body, context);
        }
        return data.decode(type, request, body, context);
    }

    @Override
    public MessageBody decodeForSummary(int type, boolean request, ByteView body, DecodeContext context) {
        if (request && (type == XFRM_MSG_GETSA || type == XFRM_MSG_GETPOLICY) && isDump(body)) {
            return data.decodeAs(null, "xfrm-attrs", body, context);
        }
        return data.decodeForSummary(type, request, body, context);
    }

    private static boolean isDump(ByteView body) {
        return body.length() == 0 || AttrReader.read(body).clean();
    }
}
