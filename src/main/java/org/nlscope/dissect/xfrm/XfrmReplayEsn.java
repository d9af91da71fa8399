package org.nlscope.dissect.xfrm;

/** struct xfrm_replay_state_esn (XFRMA_REPLAY_ESN_VAL): the counters, then the replay bitmap. */
public final class XfrmReplayEsn extends StructThenTail {
    public XfrmReplayEsn() {
        super("xfrm-replay-esn", "xfrm-replay-state-esn", "bmp", false);
    }
}
