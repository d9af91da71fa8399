package org.nlscope.session.io;

/**
 * How loading a file ended.
 *
 * @param source  the file name
 * @param frames  netlink frames appended to the store
 * @param skipped frames in the file that were not netlink
 * @param error   one line saying why the read stopped early ("x.pcap: truncated record at offset 123"),
 *                or null when the whole file was read; the frames before the damage are kept
 * @param cancelled true when the load was cancelled before the end
 */
public record LoadResult(String source, long frames, long skipped, String error, boolean cancelled) {
    public boolean complete() {
        return error == null && !cancelled;
    }
}
