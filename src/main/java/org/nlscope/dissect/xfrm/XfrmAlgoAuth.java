package org.nlscope.dissect.xfrm;

/** struct xfrm_algo_auth (XFRMA_ALG_AUTH_TRUNC): the algorithm, then its key. */
public final class XfrmAlgoAuth extends StructThenTail {
    public XfrmAlgoAuth() {
        super("xfrm-algo-auth", "xfrm-algo-auth", "alg_key", false);
    }
}
