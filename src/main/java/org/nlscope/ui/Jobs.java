package org.nlscope.ui;

/** Background work of the window that is neither a load nor a replay: saving, starting and stopping a capture. */
final class Jobs {

    private Jobs() {
    }

    /** Runs on a new daemon thread, so the FX thread never waits on disk, sudo or the kernel. */
    static void run(String name, Runnable body) {
        Thread t = new Thread(body, "nlscope-" + name);
        t.setDaemon(true);
        t.start();
    }
}
