package org.nlscope.model;

/**
 * The process behind a netlink port id, as seen at capture time.
 *
 * @param portId netlink port id (nlmsg_pid of its messages)
 * @param pid    the process id, or -1 when the socket's owner was not found
 * @param name   the process's command name (comm), or null
 * @param gone   true when the socket was seen but its process had already exited
 */
public record ProcessInfo(long portId, int pid, String name, boolean gone) {

    /** "pid 1234 (ip)", "pid 1234 (ip, exited)" or "kernel" for port 0. */
    public String label() {
        if (portId == 0) {
            return "kernel";
        }
        if (pid < 0) {
            return gone ? "process exited" : "unknown process";
        }
        return "pid " + pid + " (" + (name == null ? "?" : name) + (gone ? ", exited" : "") + ")";
    }
}
