package org.nlscope.dissect.xfrm;

/** struct xfrm_algo_aead (XFRMA_ALG_AEAD): the algorithm, then its key. */
public final class XfrmAlgoAead extends StructThenTail {
    public XfrmAlgoAead() {
        super("xfrm-algo-aead", "xfrm-algo-aead", "alg_key", false);
    }
}
