package org.nlscope.decode;

import java.util.HashMap;
import java.util.Map;
import org.nlscope.model.CaptureMetadata;
import org.nlscope.model.ProcessInfo;

/**
 * What one capture knows that its frames alone may not say: generic netlink family
 * ids learned from nlctrl (or a snapshot at capture start) and the processes behind
 * port ids. Immutable: learning returns a new context, so a decode is a pure function
 * of (frame, context) and can be repeated on any thread.
 */
public final class DecodeContext {
    /** nlctrl's id is fixed by the kernel (GENL_ID_CTRL). */
    public static final int GENL_ID_CTRL = 0x10;

    private static final DecodeContext EMPTY = new DecodeContext(Map.of(GENL_ID_CTRL, "nlctrl"), Map.of());

    private final Map<Integer, String> genlFamilies;
    private final Map<Long, ProcessInfo> processes;

    private DecodeContext(Map<Integer, String> genlFamilies, Map<Long, ProcessInfo> processes) {
        this.genlFamilies = genlFamilies;
        this.processes = processes;
    }

    public static DecodeContext empty() {
        return EMPTY;
    }

    /** A context seeded with what a live capture saved (genl snapshot, port owners). */
    public static DecodeContext of(CaptureMetadata metadata) {
        return EMPTY.withMetadata(metadata);
    }

    public DecodeContext withMetadata(CaptureMetadata metadata) {
        if (metadata.genlFamilies().isEmpty() && metadata.processes().isEmpty()) {
            return this;
        }
        Map<Integer, String> g = new HashMap<>(genlFamilies);
        g.putAll(metadata.genlFamilies());
        Map<Long, ProcessInfo> p = new HashMap<>(processes);
        p.putAll(metadata.processes());
        return new DecodeContext(Map.copyOf(g), Map.copyOf(p));
    }

    /** The generic netlink family name of a dynamic id, or null when this capture never named it. */
    public String genlFamily(int id) {
        return genlFamilies.get(id);
    }

    public Map<Integer, String> genlFamilies() {
        return genlFamilies;
    }

    /** The process behind a netlink port id, or null. */
    public ProcessInfo process(long portId) {
        return processes.get(portId);
    }

    public Map<Long, ProcessInfo> processes() {
        return processes;
    }

    /** This context, knowing that a genl family id has this name; the same instance when nothing changes. */
    public DecodeContext withGenlFamily(int id, String name) {
        if (name == null || name.equals(genlFamilies.get(id))) {
            return this;
        }
        Map<Integer, String> g = new HashMap<>(genlFamilies);
        g.put(id, name);
        return new DecodeContext(Map.copyOf(g), processes);
    }

    public DecodeContext withProcess(ProcessInfo info) {
        if (info.equals(processes.get(info.portId()))) {
            return this;
        }
        Map<Long, ProcessInfo> p = new HashMap<>(processes);
        p.put(info.portId(), info);
        return new DecodeContext(genlFamilies, Map.copyOf(p));
    }
}
