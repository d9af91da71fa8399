package org.nlscope.dissect.xfrm;

import java.util.Set;
import org.nlscope.decode.AttrReader;
import org.nlscope.decode.ByteView;
import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.Dissector;
import org.nlscope.decode.DissectorKey;
import org.nlscope.decode.MessageBody;
import org.nlscope.decode.MessageKind;
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
final class XfrmDissector implements Dissector {
    static final int XFRM_MSG_GETSA = 0x12;
    static final int XFRM_MSG_GETPOLICY = 0x15;

    private final SpecDissector data;

    XfrmDissector(SpecDissector data) {
        this.data = data;
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

    @Override
    public DissectorKey key() {
        return data.key();
    }

    @Override
    public String messageName(int type) {
        return data.messageName(type);
    }

    @Override
    public MessageKind kind(int type) {
        return data.kind(type);
    }

    @Override
    public String messageName(int type, boolean request) {
        return data.messageName(type, request);
    }

    @Override
    public MessageKind kind(int type, boolean request) {
        return data.kind(type, request);
    }

    @Override
    public String attributeName(int type, boolean request, String nestPath, int attrType) {
        return data.attributeName(type, request, nestPath, attrType);
    }

    @Override
    public Set<String> secretAttributes() {
        return data.secretAttributes();
    }

    @Override
    public Set<String> addressFields() {
        return data.addressFields();
    }

    @Override
    public Set<String> sockaddrFields() {
        return data.sockaddrFields();
    }
}
