package org.nlscope.dissect.xfrm;

import org.nlscope.decode.Dissector;
import org.nlscope.decode.DissectorKey;
import org.nlscope.decode.spec.SpecDissector;
import org.nlscope.decode.spec.SpecExtension;
import org.nlscope.uapi.Netlink;

/** Puts the dump-request rule of {@link XfrmDissector} on top of xfrm's dissector file. */
public final class XfrmExtension implements SpecExtension {
    @Override
    public DissectorKey key() {
        return DissectorKey.netlink(Netlink.NETLINK_XFRM);
    }

    @Override
    public Dissector extend(SpecDissector data) {
        return new XfrmDissector(data);
    }
}
