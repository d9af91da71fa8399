package org.nlscope.capture.scope;

/**
 * Who holds a netlink port id, and how that was learned.
 *
 * @param port    the port id (nlmsg_pid of the kernel's messages to it)
 * @param pid     the process id
 * @param name    its command name (comm), or null
 * @param how     how the port was tied to the process: {@link #BY_PORT_ID} or {@link #BY_SOCK_DIAG}
 * @param inScope true when the process is one whose traffic is kept
 */
public record PortOwner(long port, int pid, String name, String how, boolean inScope) {
    /** A process's first netlink socket, autobound, gets the process id as its port id. */
    public static final String BY_PORT_ID = "port id = pid";
    /** NETLINK_SOCK_DIAG names the socket's inode, and /proc/PID/fd the process holding it. */
    public static final String BY_SOCK_DIAG = "sock_diag";

    /** "port 1234: pid 1234 (ip), by port id = pid". */
    public String summary() {
        return "port " + port + ": pid " + pid + " (" + (name == null ? "?" : name) + "), by " + how;
    }
}
