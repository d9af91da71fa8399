package org.nlscope.dissect.sockdiag;

import java.util.List;
import org.nlscope.decode.ByteView;
import org.nlscope.decode.spec.SpecDecoding;
import org.nlscope.decode.spec.ValueDecoder;
import org.nlscope.model.Field;

/**
 * INET_DIAG_INFO: a struct tcp_info for TCP (and DCCP) sockets, a struct mptcp_info for
 * MPTCP ones. The reply does not say which protocol it describes, so the size decides:
 * tcp_info has been at least 104 bytes since its first version, mptcp_info is smaller.
 * A tcp_info shorter than the struct here comes from an older kernel and shows what it has.
 */
public final class InetDiagInfo implements ValueDecoder {
    static final int TCP_INFO_FIRST_SIZE = 104;

    @Override
    public String name() {
        return "inet-diag-info";
    }

    @Override
    public Result decode(ByteView payload, SpecDecoding decoding) {
        boolean tcp = payload.length() >= TCP_INFO_FIRST_SIZE;
        String struct = tcp ? "tcp-info" : "mptcp-info";
        List<Field> members = decoding.struct(struct, payload);
        String problem = !tcp && payload.length() < decoding.structSize(struct)
                ? "mptcp_info needs " + decoding.structSize(struct) + " bytes, found " + payload.length() : null;
        return Result.ofChildren(members, (tcp ? "tcp_info " : "mptcp_info ") + decoding.structDisplay(members), problem);
    }
}
