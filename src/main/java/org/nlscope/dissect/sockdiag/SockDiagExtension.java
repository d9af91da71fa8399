package org.nlscope.dissect.sockdiag;

import org.nlscope.decode.Dissector;
import org.nlscope.decode.DissectorKey;
import org.nlscope.decode.spec.SpecDissector;
import org.nlscope.decode.spec.SpecExtension;
import org.nlscope.uapi.Netlink;

/** Puts the Java choice of layout on top of sock_diag's dissector file. */
public final class SockDiagExtension implements SpecExtension {
    @Override
    public DissectorKey key() {
        return DissectorKey.netlink(Netlink.NETLINK_SOCK_DIAG);
    }

    @Override
    public Dissector extend(SpecDissector data) {
        return new SockDiagDissector(data);
    }
}
