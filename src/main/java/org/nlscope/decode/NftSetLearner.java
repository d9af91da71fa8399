package org.nlscope.decode;

import static org.nlscope.uapi.NfTables.NFNL_SUBSYS_NFTABLES;
import static org.nlscope.uapi.NfTables.NFTA_SET_DATA_LEN;
import static org.nlscope.uapi.NfTables.NFTA_SET_DATA_TYPE;
import static org.nlscope.uapi.NfTables.NFTA_SET_ID;
import static org.nlscope.uapi.NfTables.NFTA_SET_KEY_LEN;
import static org.nlscope.uapi.NfTables.NFTA_SET_KEY_TYPE;
import static org.nlscope.uapi.NfTables.NFTA_SET_NAME;
import static org.nlscope.uapi.NfTables.NFTA_SET_TABLE;
import static org.nlscope.uapi.NfTables.NFT_MSG_NEWSET;

import org.nlscope.model.NftSet;
import org.nlscope.model.NlMsgHeader;
import org.nlscope.uapi.Netlink;

/**
 * Learns an nftables set's key and data types from its NFT_MSG_NEWSET (nft's request, the
 * kernel's dump reply or notification), so that the set's elements, which carry only bytes,
 * read as addresses, ports or names. Reads the attributes itself, like {@link ContextLearner}.
 */
final class NftSetLearner {
    static final int NEWSET = NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_NEWSET;
    /** struct nfgenmsg: nfgen_family (u8), version (u8), res_id (be16). */
    private static final int NFGENMSG_SIZE = 4;

    private NftSetLearner() {
    }

    static boolean mayTeach(int family, int type) {
        return family == Netlink.NETLINK_NETFILTER && type == NEWSET;
    }

    /** The context, knowing the set the message at [offset, end) of a netfilter frame defines, if it is an NFT_MSG_NEWSET. */
    static DecodeContext learn(DecodeContext context, ByteView all, int offset, int end) {
        if (end - offset < NlMsgHeader.SIZE + NFGENMSG_SIZE || all.u16(offset + 4) != NEWSET) {
            return context;
        }
        int body = offset + NlMsgHeader.SIZE;
        int family = all.u8(body);
        String table = null;
        String name = null;
        long id = -1;
        long[] types = new long[NFTA_SET_DATA_LEN + 1];
        for (NlAttr a : AttrReader.read(new ByteView(all.data(), body + NFGENMSG_SIZE, end)).attributes()) {
            int t = a.type();
            if (t == NFTA_SET_TABLE) {
                table = all.cString(a.payloadOffset(), a.payloadLength());
            } else if (t == NFTA_SET_NAME) {
                name = all.cString(a.payloadOffset(), a.payloadLength());
            } else if (a.payloadLength() == 4 && (t == NFTA_SET_ID || t >= NFTA_SET_KEY_TYPE && t <= NFTA_SET_DATA_LEN)) {
                long v = all.u32be(a.payloadOffset());
                if (t == NFTA_SET_ID) {
                    id = v;
                } else {
                    types[t] = v;
                }
            }
        }
        if (table == null || types[NFTA_SET_KEY_TYPE] == 0 && types[NFTA_SET_DATA_TYPE] == 0) {
            return context;
        }
        NftSet set = new NftSet(types[NFTA_SET_KEY_TYPE], types[NFTA_SET_KEY_LEN], types[NFTA_SET_DATA_TYPE],
                types[NFTA_SET_DATA_LEN]);
        return context.withNftSet(family, table, name, id, set);
    }
}
