package org.nlscope.ui;

/**
 * Where the window's work runs: slow work (disk, sudo, the kernel) in the background,
 * and what it then changes on the UI thread. The app uses {@link #fx()}; tests of the
 * view model swap in a runner that needs no JavaFX toolkit.
 */
public interface TaskRunner {

    /** Runs slow work off the UI thread; never blocks the caller. */
    void background(String name, Runnable body);

    /** Runs a change of what the window shows on the UI thread; safe from any thread. */
    void ui(Runnable action);

    /** Background work on new daemon threads, UI changes batched onto the FX thread. */
    static TaskRunner fx() {
        FxBatcher<Runnable> batcher = FxBatcher.actions();
        return new TaskRunner() {
            @Override
            public void background(String name, Runnable body) {
                Thread t = new Thread(body, "nlscope-" + name);
                t.setDaemon(true);
                t.start();
            }

            @Override
            public void ui(Runnable action) {
                batcher.add(action);
            }
        };
    }
}
