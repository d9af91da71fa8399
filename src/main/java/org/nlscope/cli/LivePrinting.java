package org.nlscope.cli;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import org.nlscope.capture.CaptureException;
import org.nlscope.capture.CaptureSource;
import org.nlscope.model.Frame;

/**
 * The main thread of {@code nlscope capture} while the capture runs: prints what the live
 * decode queue holds, stops the capture at -a's deadline or once the scope's command is
 * done, and when the capture has ended prints what is left (and what the scope still held).
 */
final class LivePrinting {
    /** Frames printed between looks at the deadline and the capture's state. */
    private static final int CHECK_EVERY = 1000;

    private LivePrinting() {
    }

    /**
     * Runs until the capture has ended.
     *
     * @param printer null when nothing is printed (-q, -w -)
     * @return the capture's failure, or null
     */
    static CaptureException run(CaptureSource capture, FrameQueue toDecode, CapturePrinter printer, CaptureScope scope,
                                long durationNanos, Writer out) throws IOException, InterruptedException {
        long deadline = durationNanos > 0 ? System.nanoTime() + durationNanos : Long.MAX_VALUE;
        int sinceCheck = 0;
        while (true) {
            Frame f = printer == null ? null : toDecode.poll(50);
            if (f != null) {
                printer.print(f);
                if (++sinceCheck < CHECK_EVERY) {
                    continue;
                }
            } else if (printer != null) {
                out.flush();
            }
            sinceCheck = 0;
            if (System.nanoTime() >= deadline || scope != null && scope.commandDone()) {
                capture.stop();
            }
            CaptureException failure = null;
            boolean ended;
            try {
                ended = capture.awaitStop(Duration.ofMillis(printer == null ? 100 : 1));
            } catch (CaptureException e) {
                failure = e;
                ended = true;
            }
            if (ended) {
                drain(toDecode, printer);
                if (scope != null) {
                    finishScope(toDecode, printer, scope);
                }
                out.flush();
                return failure;
            }
        }
    }

    /**
     * The capture thread has ended: what the scope still held goes through the bounded queue,
     * so it is passed on by another thread while this one drains.
     */
    private static void finishScope(FrameQueue toDecode, CapturePrinter printer, CaptureScope scope)
            throws IOException, InterruptedException {
        Thread finishing = new Thread(scope::finish, "nlscope-scope-finish");
        finishing.start();
        Frame f;
        while (finishing.isAlive()) {
            if (printer == null) {
                finishing.join(100);
            } else if ((f = toDecode.poll(10)) != null) {
                printer.print(f);
            }
        }
        drain(toDecode, printer);
    }

    private static void drain(FrameQueue toDecode, CapturePrinter printer) throws IOException, InterruptedException {
        Frame f;
        while (printer != null && (f = toDecode.poll(0)) != null) {
            printer.print(f);
        }
    }
}
