package org.nlscope.nativeio;

import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;

/**
 * <pre>
 * struct pollfd {      // poll.h, 8 bytes
 *     int   fd;        // 0
 *     short events;    // 4
 *     short revents;   // 6
 * };
 * </pre>
 */
@FieldOrder({"fd", "events", "revents"})
public class PollFd extends Structure {
    public int fd;
    public short events;
    public short revents;
}
