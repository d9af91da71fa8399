package org.nlscope.ui;

import java.util.function.Supplier;
import org.nlscope.session.replay.Replay;

/**
 * What fills the session shown: a file load, a replay or a live capture. The view model
 * keeps the current one; a callback of a job that is no longer current does nothing,
 * which is how a late "load finished" of a file already replaced is ignored.
 */
final class Job {
    /** Stops it; never blocks (a slow stop runs in the background). */
    Runnable stop = () -> { };
    /** The status line once the user stopped it. */
    Supplier<String> stoppedText = () -> "Stopped";
    /** The replay this job runs, or null. */
    Replay replay;
    /** The status line while the replay runs ("Replaying x.pcap at 10x"). */
    String replaying = "";
}
