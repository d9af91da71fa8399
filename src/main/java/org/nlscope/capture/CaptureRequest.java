package org.nlscope.capture;

import java.util.List;

/**
 * What a user asked to capture from the desktop app: how ({@link CaptureOptions}: device,
 * families, ring, network namespace) and whose traffic to keep. A privileged child gets it
 * on its command line.
 *
 * @param options      how to capture
 * @param pids         keep only the traffic of these processes (and their children); empty for all
 * @param processNames keep only the traffic of processes of these command names; empty for all
 */
public record CaptureRequest(CaptureOptions options, List<Integer> pids, List<String> processNames) {

    public CaptureRequest {
        if (options == null) {
            throw new IllegalArgumentException("a capture request needs its options");
        }
        pids = pids == null ? List.of() : List.copyOf(pids);
        processNames = processNames == null ? List.of() : List.copyOf(processNames);
    }

    /** Every netlink message, with the default options. */
    public static CaptureRequest everything() {
        return of(CaptureOptions.defaults());
    }

    public static CaptureRequest of(CaptureOptions options) {
        return new CaptureRequest(options, List.of(), List.of());
    }

    /** True when only some processes' traffic is kept. */
    public boolean scoped() {
        return !pids.isEmpty() || !processNames.isEmpty();
    }
}
