package org.nlscope.capture;

import java.util.Set;

/**
 * How to capture.
 *
 * @param interfaceName   the netlink monitor device to use, or null to use an existing
 *                        nlmon device or create (and later remove) nlmon0
 * @param families        netlink families to keep (NETLINK_ROUTE = 0 ...); empty keeps all.
 *                        Filtered in the kernel, so the others are never copied.
 * @param ringMegabytes   size of the kernel ring; bigger survives longer bursts
 * @param resolveProcesses map netlink port ids to processes while capturing
 * @param netns           the network namespace to capture in, as {@code --netns} takes it (a name
 *                        under /run/netns, a path, or a process id); null for this process's own
 */
public record CaptureOptions(String interfaceName, Set<Integer> families, int ringMegabytes, boolean resolveProcesses,
                             String netns) {

    public static final int DEFAULT_RING_MB = 16;

    public CaptureOptions {
        families = families == null ? Set.of() : Set.copyOf(families);
        if (ringMegabytes < 1 || ringMegabytes > 1024) {
            throw new IllegalArgumentException("ring size must be 1..1024 MB, not " + ringMegabytes);
        }
    }

    public static CaptureOptions defaults() {
        return new CaptureOptions(null, Set.of(), DEFAULT_RING_MB, true, null);
    }

    public CaptureOptions withInterface(String name) {
        return new CaptureOptions(name, families, ringMegabytes, resolveProcesses, netns);
    }

    public CaptureOptions withFamilies(Set<Integer> newFamilies) {
        return new CaptureOptions(interfaceName, newFamilies, ringMegabytes, resolveProcesses, netns);
    }

    public CaptureOptions withRingMegabytes(int mb) {
        return new CaptureOptions(interfaceName, families, mb, resolveProcesses, netns);
    }

    public CaptureOptions withNetns(String spec) {
        return new CaptureOptions(interfaceName, families, ringMegabytes, resolveProcesses, spec);
    }

    /** How a capture in the namespace a {@code --netns} argument names is shown: "netns blue", "netns of pid 1234". */
    public static String netnsLabel(String spec) {
        return spec.chars().allMatch(Character::isDigit) ? "netns of pid " + spec : "netns " + spec;
    }
}
