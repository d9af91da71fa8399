package org.nlscope.dissect.xfrm;

/** struct xfrm_user_sec_ctx (XFRMA_SEC_CTX): the header, then the context string. */
public final class XfrmSecCtx extends StructThenTail {
    public XfrmSecCtx() {
        super("xfrm-sec-ctx", "xfrm-user-sec-ctx", "ctx_str", true);
    }
}
