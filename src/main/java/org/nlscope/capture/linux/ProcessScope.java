package org.nlscope.capture.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import org.nlscope.capture.scope.PortLookup;
import org.nlscope.capture.scope.PortOwner;
import org.nlscope.model.ProcessInfo;

/**
 * The processes whose netlink traffic a scoped capture keeps: given process ids
 * (a command nlscope started, {@code --pid}), processes of a given name
 * ({@code --process}), and every descendant of those (by the parent chain in
 * /proc/PID/stat while the process lives, and by fork events where the proc connector
 * reports them, so a child that lived a millisecond still counts). Ports are tied to
 * processes by sock_diag while the socket exists, else by the port id = pid rule of a
 * process's first socket.
 */
public final class ProcessScope implements PortLookup, AutoCloseable {
    /** Port ids up to this are process ids (pid_max is at most 2^22); the kernel picks others from -4096 down. */
    static final long MAX_PID_PORT = 1L << 22;
    /** Fork events remembered at most. */
    static final int MAX_FORKS = 1 << 16;

    private final Set<Integer> pids = ConcurrentHashMap.newKeySet();
    private final Set<String> names;
    private final LongFunction<ProcessInfo> sockDiag;
    private final Map<Integer, String> comms = new ConcurrentHashMap<>();
    /** Child to parent from every fork event, so the chain of a process that already exited is known. */
    private final Map<Integer, Integer> parents = new ConcurrentHashMap<>();
    /** Live processes found outside the scope: their parent chain is not walked again for every message. */
    private final Set<Integer> outside = ConcurrentHashMap.newKeySet();

    /**
     * @param pids     processes in scope from the start
     * @param names    command names (comm) in scope, now and later
     * @param sockDiag what sock_diag knows of a port, or null
     */
    public ProcessScope(Set<Integer> pids, Set<String> names, LongFunction<ProcessInfo> sockDiag) {
        this.pids.addAll(pids);
        this.names = Set.copyOf(names);
        this.sockDiag = sockDiag;
        for (int pid : pids) {
            rememberComm(pid);
        }
    }

    private volatile ProcConnector forks;

    /** Listens for fork events from now on (before the command starts, so none is missed), where the kernel offers them. */
    public void listenForForks() {
        forks = ProcConnector.listen(this);
    }

    /** Adds a process (the command just started; a child a fork event named). */
    public void add(int pid) {
        pids.add(pid);
        outside.remove(pid);
        rememberComm(pid);
    }

    /** An exec event: a process of the scope now has the name of what it runs (read while it still lives). */
    void execed(int pid) {
        if (pids.contains(pid)) {
            String c = comm(pid);
            if (c != null) {
                comms.put(pid, c);
            }
        }
    }

        /** A fork event: child joins the scope when parent is in it, now or once parent is added. */
    void forked(int parent, int child) {
        if (parents.size() >= MAX_FORKS) {
            parents.clear();   // a fork storm: forget the old ones rather than grow
        }
        parents.put(child, parent);
        if (pids.contains(parent)) {
            add(child);
        }
    }

    @Override
    public PortOwner lookup(long port) {
        ProcessInfo diag = sockDiag == null ? null : sockDiag.apply(port);
        if (diag != null && diag.pid() > 0) {
            boolean in = inScope(diag.pid());
            return new PortOwner(port, diag.pid(), in ? name(diag.pid(), diag.name()) : null, PortOwner.BY_SOCK_DIAG, in);
        }
        if (port <= 0 || port > MAX_PID_PORT) {
            return null;   // a later socket's port: sock_diag may still name it
        }
        int pid = (int) port;
        if (inScope(pid)) {
            return new PortOwner(port, pid, name(pid, null), PortOwner.BY_PORT_ID, true);
        }
        if (!parents.containsKey(pid) && !Files.isDirectory(Path.of("/proc", Integer.toString(pid)))) {
            return null;   // gone before we knew its parent: a fork event or sock_diag may yet say whose it was
        }
        return new PortOwner(port, pid, null, PortOwner.BY_PORT_ID, false);
    }

    /** In scope, or a live descendant of one in scope, or of a name in scope (then remembered). */
    boolean inScope(int pid) {
        if (pids.contains(pid)) {
            return true;
        }
        if (outside.contains(pid)) {
            return false;
        }
        int p = pid;
        for (int depth = 0; depth < 64 && p > 1; depth++) {
            String name = names.isEmpty() ? null : comm(p);
            if (pids.contains(p) || name != null && names.contains(name)) {
                if (p != pid) {
                    add(p);   // the named ancestor: its children that exit before their lookup count through fork events
                }
                add(pid);
                return true;
            }
            Integer forkedFrom = parents.get(p);
            p = forkedFrom != null ? forkedFrom : parent(p);
        }
        if (Files.isDirectory(Path.of("/proc", Integer.toString(pid)))) {
            outside.add(pid);
        }
        return false;
    }

    private void rememberComm(int pid) {
        String c = comm(pid);
        if (c != null) {
            comms.putIfAbsent(pid, c);
        }
    }

    private String name(int pid, String known) {
        String c = comms.get(pid);
        if (c == null) {
            c = known != null ? known : comm(pid);
            if (c != null) {
                comms.putIfAbsent(pid, c);
            }
        }
        return c;
    }

    /** A process's command name from /proc/PID/comm, or null when it is gone. */
    public static String comm(int pid) {
        try {
            return Files.readString(Path.of("/proc", Integer.toString(pid), "comm")).trim();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The parent from /proc/PID/stat (after the comm in parentheses, which may hold anything), or 0. */
    static int parent(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
            String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(rest[1]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Every running process of that command name. */
    public static List<Integer> byName(String name) {
        try (var procs = Files.list(Path.of("/proc"))) {
            return procs.map(p -> p.getFileName().toString()).filter(s -> s.chars().allMatch(Character::isDigit))
                    .map(Integer::parseInt).filter(pid -> name.equals(comm(pid))).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    @Override
    public void close() {
        ProcConnector f = forks;
        if (f != null) {
            f.close();
        }
    }
}
