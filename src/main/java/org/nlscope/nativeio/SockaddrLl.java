package org.nlscope.nativeio;

import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;

/**
 * <pre>
 * struct sockaddr_ll {            // linux/if_packet.h, 20 bytes
 *     unsigned short sll_family;   // 0  AF_PACKET
 *     __be16         sll_protocol; // 2  ETH_P_* in network order
 *     int            sll_ifindex;  // 4
 *     unsigned short sll_hatype;   // 8  ARPHRD_*
 *     unsigned char  sll_pkttype;  // 10 PACKET_HOST..PACKET_KERNEL
 *     unsigned char  sll_halen;    // 11
 *     unsigned char  sll_addr[8];  // 12
 * };
 * </pre>
 */
@FieldOrder({"sll_family", "sll_protocol", "sll_ifindex", "sll_hatype", "sll_pkttype", "sll_halen", "sll_addr"})
public class SockaddrLl extends Structure {
    public static final int SIZE = 20;

    public short sll_family;
    public short sll_protocol;
    public int sll_ifindex;
    public short sll_hatype;
    public byte sll_pkttype;
    public byte sll_halen;
    public byte[] sll_addr = new byte[8];

    /** An address to bind a packet socket to one interface, all protocols (ETH_P_ALL). */
    public static SockaddrLl bindAll(int ifindex) {
        SockaddrLl a = new SockaddrLl();
        a.sll_family = (short) LibC.AF_PACKET;
        a.sll_protocol = Short.reverseBytes((short) LibC.ETH_P_ALL);
        a.sll_ifindex = ifindex;
        return a;
    }
}
