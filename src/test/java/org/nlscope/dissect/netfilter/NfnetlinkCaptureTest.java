package org.nlscope.dissect.netfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nlscope.dissect.DecodedCapture.at;

import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.nlscope.dissect.DecodedCapture;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.Field;

/**
 * ipset.pcapng and nft.pcapng (captures/README.md) as dissectors/netfilter/nfnetlink.yaml reads
 * them: the set ipset listed ("nlscope-net", hash:net,port, hashsize 1024, maxelem 65536, the
 * element 198.51.100.0/24,tcp:80 comment "web") and the batch nft wrapped its changes in.
 */
class NfnetlinkCaptureTest {

    private static DecodedMessage first(List<DecodedMessage> all, Predicate<DecodedMessage> which) {
        return all.stream().filter(which).findFirst().orElseThrow();
    }

    @Test
    void theListedSetWithItsHeaderAndElement() {
        DecodedMessage list = first(DecodedCapture.messages("ipset.pcapng"), m -> "IPSET_CMD_LIST".equals(m.typeName())
                && m.summary().equals("IPSET_CMD_LIST nlscope-net hash:net,port"));
        assertEquals(List.of(), list.problems());
        assertEquals("NFPROTO_IPV4", at(list.fixedHeader(), "nfgen_family").valueName());
        assertEquals(1024L, at(list.attributes(), "IPSET_ATTR_DATA/IPSET_ATTR_HASHSIZE").value());
        assertEquals(65536L, at(list.attributes(), "IPSET_ATTR_DATA/IPSET_ATTR_MAXELEM").value());
        Field element = at(list.attributes(), "IPSET_ATTR_ADT/IPSET_ATTR_DATA");
        assertEquals("198.51.100.0", at(element.children(), "IPSET_ATTR_IP/IPSET_ATTR_IPADDR_IPV4").display());
        assertEquals(24L, at(element.children(), "IPSET_ATTR_CIDR").value());
        assertEquals(80L, at(element.children(), "IPSET_ATTR_PORT").value());
        assertEquals("web", at(element.children(), "IPSET_ATTR_COMMENT").value());
    }

    @Test
    void anAddNamesItsSetAndElement() {
        DecodedMessage add = first(DecodedCapture.messages("ipset.pcapng"), m -> "IPSET_CMD_ADD".equals(m.typeName()));
        assertEquals("IPSET_CMD_ADD nlscope 192.0.2.7", add.summary());
    }

    @Test
    void nftWrapsItsChangesInABatchForNftables() {
        List<DecodedMessage> all = DecodedCapture.messages("nft.pcapng");
        DecodedMessage begin = first(all, m -> "NFNL_MSG_BATCH_BEGIN".equals(m.typeName()));
        assertEquals("NFNL_SUBSYS_NFTABLES", at(begin.fixedHeader(), "res_id").valueName());
        assertEquals(List.of(), begin.problems());
        assertEquals("NFNL_MSG_BATCH_END subsystem NFTABLES", first(all, m -> "NFNL_MSG_BATCH_END".equals(m.typeName())).summary());
    }
}
