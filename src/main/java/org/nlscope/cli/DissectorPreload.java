package org.nlscope.cli;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.nlscope.decode.DissectorRegistry;

/**
 * The built-in dissectors, loaded on a thread of their own from the moment the process
 * starts, while picocli builds its model of the commands: on two cores the two overlap,
 * and a short {@code read} starts printing a few hundred ms sooner. Used only by a run
 * that names no dissector directory of its own (see {@link Main#main}).
 */
final class DissectorPreload {
    private static volatile FutureTask<DissectorRegistry> builtIn;

    private DissectorPreload() {
    }

    /** Starts loading the built-in dissectors in the background. */
    static void start() {
        FutureTask<DissectorRegistry> task = new FutureTask<>(() -> DissectorRegistry.load(List.of()));
        Thread loader = new Thread(task, "nlscope-dissectors");
        loader.setDaemon(true);
        builtIn = task;
        loader.start();
    }

    /** The built-in dissectors: those started early when they were, else loaded now; fails as the load does. */
    static DissectorRegistry builtIn() {
        FutureTask<DissectorRegistry> task = builtIn;
        if (task == null) {
            return DissectorRegistry.load(List.of());
        }
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DissectorRegistry.load(List.of());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
