package org.nlscope.dissect.xfrm;

/** struct xfrm_algo (XFRMA_ALG_AUTH, _CRYPT, _COMP): the algorithm, then its key. */
public final class XfrmAlgo extends StructThenTail {
    public XfrmAlgo() {
        super("xfrm-algo", "xfrm-algo", "alg_key", false);
    }
}
