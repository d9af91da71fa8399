package org.nlscope.capture.linux;

import static org.nlscope.uapi.Netlink.NETLINK_SOCK_DIAG;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.nlscope.model.ProcessInfo;
import org.nlscope.nativeio.ErrnoException;
import org.nlscope.nativeio.LibC;
import org.nlscope.uapi.Netlink;

/**
 * Which process owns a netlink port id: a NETLINK_SOCK_DIAG dump of netlink sockets
 * (port id and socket inode) matched to the "socket:[inode]" links under /proc/PID/fd.
 * Refreshed in the background when traffic shows a port we do not know, at most every
 * {@link #MIN_REFRESH_NANOS}: a refresh reads every /proc/PID/fd, which under load takes
 * CPU the capture needs. A port one refresh could not place (its socket closed first) is
 * not looked for again. Best effort: a port whose socket is gone keeps what we knew and is
 * marked gone.
 */
final class PortOwners implements AutoCloseable {
    static final int SOCK_DIAG_BY_FAMILY = 20;
    static final int NDIAG_PROTO_ALL = 255;
    static final long MIN_REFRESH_NANOS = 1_000_000_000L;
    /** A port id is reused when its process's pid is: look for it again after this long. */
    static final long UNPLACED_NANOS = 10_000_000_000L;

    private final Map<Long, ProcessInfo> owners = new ConcurrentHashMap<>();
    /** Ports a refresh was asked for and could not place, and when: not asked for again for {@link #UNPLACED_NANOS}. */
    private final Map<Long, Long> unplaced = new ConcurrentHashMap<>();
    /** Ports noticed since the last refresh began. */
    private final Set<Long> wanted = ConcurrentHashMap.newKeySet();
    private final ExecutorService worker;
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile long lastRefresh;
    private volatile boolean unavailable;

    /** @param netns where the sock_diag dumps run: netlink_diag lists the sockets of its own namespace only */
    PortOwners(NetNamespace netns) {
        worker = Executors.newSingleThreadExecutor(netns.threads("nlscope-port-owners"));
    }

    /** Traffic showed this port: look it up soon if it is new. Cheap; called per message. */
    void notice(long portId) {
        if (portId == 0 || unavailable || owners.containsKey(portId) || recentlyUnplaced(portId)) {
            return;
        }
        wanted.add(portId);
        if (pending.compareAndSet(false, true)) {
            worker.execute(() -> {
                long wait = lastRefresh + MIN_REFRESH_NANOS - System.nanoTime();
                try {
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    pending.set(false);
                    refresh();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    private boolean recentlyUnplaced(long portId) {
        Long since = unplaced.get(portId);
        return since != null && System.nanoTime() - since < UNPLACED_NANOS;
    }

    /** Dumps the netlink sockets now and matches them to processes. */
    void refresh() {
        lastRefresh = System.nanoTime();
        List<Long> asked = List.copyOf(wanted);
        wanted.removeAll(asked);
        Map<Long, Long> inodeByPort = new HashMap<>();
        try (NetlinkClient diag = NetlinkClient.open(NETLINK_SOCK_DIAG, "NETLINK_SOCK_DIAG")) {
            byte[] req = new byte[20];                 // struct netlink_diag_req
            req[0] = LibC.AF_NETLINK;
            req[1] = (byte) NDIAG_PROTO_ALL;
            diag.dump(diag.request(SOCK_DIAG_BY_FAMILY, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP).fixed(req).build(),
                    "SOCK_DIAG_BY_FAMILY AF_NETLINK dump", m -> {
                        // struct netlink_diag_msg: ndiag_portid at 4, ndiag_ino at 16
                        if (m.has(m.start() + 16, 24)) {
                            long port = m.u32(m.start() + 20);
                            long ino = m.u32(m.start() + 32);
                            if (port != 0) {
                                inodeByPort.put(port, ino);
                            }
                        }
                    });
        } catch (ErrnoException e) {
            unavailable = true;   // no netlink_diag in this kernel: ports stay unnamed
            return;
        }
        Map<Long, Integer> pidByInode = socketInodes();
        for (Map.Entry<Long, Long> e : inodeByPort.entrySet()) {
            Integer pid = pidByInode.get(e.getValue());
            if (pid != null) {
                owners.put(e.getKey(), new ProcessInfo(e.getKey(), pid, comm(pid), false));
            }
        }
        owners.replaceAll((port, info) -> inodeByPort.containsKey(port) || info.gone() ? info
                : new ProcessInfo(port, info.pid(), info.name(), true));
        for (Long port : asked) {
            if (!owners.containsKey(port)) {
                unplaced.put(port, lastRefresh);
            }
        }
    }

    /** Socket inode to the pid holding it, from /proc/PID/fd. */
    private static Map<Long, Integer> socketInodes() {
        Map<Long, Integer> out = new HashMap<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> isNumber(p.getFileName().toString()))) {
            for (Path proc : procs) {
                int pid = Integer.parseInt(proc.getFileName().toString());
                try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
                    for (Path fd : fds) {
                        try {
                            String target = Files.readSymbolicLink(fd).toString();
                            if (target.startsWith("socket:[")) {
                                out.putIfAbsent(Long.parseLong(target.substring(8, target.length() - 1)), pid);
                            }
                        } catch (IOException | NumberFormatException ignored) {
                            // closed while we looked
                        }
                    }
                } catch (IOException ignored) {
                    // process gone, or not ours to read
                }
            }
        } catch (IOException ignored) {
            // no /proc: nothing to match
        }
        return out;
    }

    private static String comm(int pid) {
        try {
            return Files.readString(Path.of("/proc", Integer.toString(pid), "comm")).trim();
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }

    /** The owner of one port as last seen, or null. */
    ProcessInfo owner(long portId) {
        return owners.get(portId);
    }

    /** The owners known so far. */
    Map<Long, ProcessInfo> snapshot() {
        return Map.copyOf(owners);
    }

    boolean available() {
        return !unavailable;
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
