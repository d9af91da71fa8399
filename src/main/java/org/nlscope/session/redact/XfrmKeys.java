package org.nlscope.session.redact;

import java.util.List;
import java.util.Map;
import org.nlscope.decode.AttrReader;
import org.nlscope.decode.ByteView;
import org.nlscope.decode.NlAttr;
import org.nlscope.model.NlMsgHeader;

/**
 * Finds the key bytes in xfrm (NETLINK_XFRM) messages by walking them itself, so that
 * redaction does not depend on the decode (dissectors/xfrm/xfrm.yaml, which a user's file
 * may replace): the fixed header of each XFRM_MSG_* type, then the top-level attributes,
 * where XFRMA_ALG_* hold a struct xfrm_algo (or _auth, _aead) whose alg_key ends it.
 * Facts from linux/xfrm.h; sizes are those of 64-bit Linux, where every capture here comes from.
 */
final class XfrmKeys {
    /** XFRM_MSG_* to sizeof its fixed header (struct xfrm_usersa_info for NEWSA, ...). */
    private static final Map<Integer, Integer> HEADER_SIZES = Map.ofEntries(
            Map.entry(0x10, 224), // NEWSA: xfrm_usersa_info
            Map.entry(0x11, 24),  // DELSA: xfrm_usersa_id (a notification adds XFRMA_SA and the keys)
            Map.entry(0x12, 24),  // GETSA: xfrm_usersa_id
            Map.entry(0x13, 168), // NEWPOLICY: xfrm_userpolicy_info
            Map.entry(0x14, 64),  // DELPOLICY: xfrm_userpolicy_id
            Map.entry(0x15, 64),  // GETPOLICY: xfrm_userpolicy_id
            Map.entry(0x16, 232), // ALLOCSPI: xfrm_userspi_info
            Map.entry(0x17, 280), // ACQUIRE: xfrm_user_acquire
            Map.entry(0x18, 232), // EXPIRE: xfrm_user_expire
            Map.entry(0x19, 168), // UPDPOLICY: xfrm_userpolicy_info
            Map.entry(0x1a, 224), // UPDSA: xfrm_usersa_info
            Map.entry(0x1b, 176), // POLEXPIRE: xfrm_user_polexpire
            Map.entry(0x1c, 1),   // FLUSHSA: xfrm_usersa_flush
            Map.entry(0x1d, 0),   // FLUSHPOLICY
            Map.entry(0x1e, 48),  // NEWAE: xfrm_aevent_id
            Map.entry(0x1f, 48),  // GETAE
            Map.entry(0x20, 60),  // REPORT: xfrm_user_report
            Map.entry(0x21, 64),  // MIGRATE: xfrm_userpolicy_id
            Map.entry(0x22, 4), Map.entry(0x23, 4), Map.entry(0x24, 4), Map.entry(0x25, 4), // SAD/SPD info: u32
            Map.entry(0x26, 64),  // MAPPING: xfrm_user_mapping
            Map.entry(0x27, 3), Map.entry(0x28, 3)); // SET/GETDEFAULT: xfrm_userpolicy_default

    /** XFRMA_* holding an algorithm, and where alg_key starts in its payload (after alg_name[64] and the u32s). */
    private record Algorithm(String name, int keyOffset) {
    }

    private static final Map<Integer, Algorithm> ALGORITHMS = Map.of(
            1, new Algorithm("XFRMA_ALG_AUTH", 68),
            2, new Algorithm("XFRMA_ALG_CRYPT", 68),
            3, new Algorithm("XFRMA_ALG_COMP", 68),
            18, new Algorithm("XFRMA_ALG_AEAD", 72),
            20, new Algorithm("XFRMA_ALG_AUTH_TRUNC", 72));

    private XfrmKeys() {
    }

    /**
     * Adds the key bytes of the xfrm message whose nlmsghdr is at {@code offset} to {@code out}.
     * A header or attribute that does not fit ends the walk: nothing past it is trusted.
     */
    static void find(ByteView frame, int offset, List<Span> out) {
        if (!frame.has(offset, NlMsgHeader.SIZE)) {
            return;
        }
        long len = frame.u32(offset);
        Integer headerSize = HEADER_SIZES.get(frame.u16(offset + 4));
        int end = (int) Math.min(offset + Math.max(len, NlMsgHeader.SIZE), frame.end());
        int attrs = offset + NlMsgHeader.SIZE + NlAttr.align(headerSize == null ? 0 : headerSize);
        if (headerSize == null || attrs >= end) {
            return;
        }
        for (NlAttr a : AttrReader.read(new ByteView(frame.data(), attrs, end)).attributes()) {
            Algorithm alg = ALGORITHMS.get(a.type());
            if (alg == null || a.payloadLength() < alg.keyOffset()) {
                continue;
            }
            // everything after the key length fields: alg_key_len (bits) may understate what is there
            int keyBytes = a.payloadLength() - alg.keyOffset();
            if (keyBytes > 0) {
                out.add(new Span(alg.name(), a.payloadOffset() + alg.keyOffset(), keyBytes));
            }
        }
    }
}
