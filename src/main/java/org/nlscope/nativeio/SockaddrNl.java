package org.nlscope.nativeio;

import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;

/**
 * <pre>
 * struct sockaddr_nl {               // linux/netlink.h, 12 bytes
 *     __kernel_sa_family_t nl_family; // 0  AF_NETLINK
 *     unsigned short       nl_pad;    // 2
 *     __u32                nl_pid;    // 4  port id, 0 = the kernel
 *     __u32                nl_groups; // 8  multicast groups mask
 * };
 * </pre>
 */
@FieldOrder({"nl_family", "nl_pad", "nl_pid", "nl_groups"})
public class SockaddrNl extends Structure {
    public short nl_family = (short) LibC.AF_NETLINK;
    public short nl_pad;
    public int nl_pid;
    public int nl_groups;
}
