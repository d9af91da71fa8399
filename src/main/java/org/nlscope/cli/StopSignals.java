package org.nlscope.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT and SIGTERM end a capture as they end tcpdump: the first one asks it to stop,
 * the capture writes its summary and nlscope exits 0. The JVM's own handlers would
 * start the shutdown at once and exit 130 or 143. A second signal while stopping (a
 * stuck output) exits at once with 128 + the signal number, through the shutdown hooks,
 * so a device nlscope made is still removed.
 */
final class StopSignals implements AutoCloseable {
    static final List<String> NAMES = List.of("INT", "TERM");

    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();
    private final AtomicBoolean stopping = new AtomicBoolean();

    private StopSignals() {
    }

    /** Installs the handlers; stop runs on the signal's thread, so it must return quickly. */
    static StopSignals install(Runnable stop) {
        StopSignals s = new StopSignals();
        for (String name : NAMES) {
            Signal signal = new Signal(name);
            try {
                s.previous.add(Signal.handle(signal, sig -> s.received(sig, stop)));
                s.signals.add(signal);
            } catch (IllegalArgumentException usedByTheVm) {
                // -Xrs, or a signal the platform keeps: the JVM's handling (shutdown hooks) stays
            }
        }
        return s;
    }

    /** True once a stop signal came. */
    boolean received() {
        return stopping.get();
    }

    private void received(Signal sig, Runnable stop) {
        if (stopping.compareAndSet(false, true)) {
            stop.run();
        } else {
            Runtime.getRuntime().exit(128 + sig.getNumber());
        }
    }

    /** Puts the previous handlers back. */
    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            Signal.handle(signals.get(i), previous.get(i));
        }
    }
}
