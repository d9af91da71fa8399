package org.nlscope.capture.child;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.nlscope.capture.CaptureException;
import org.nlscope.capture.CaptureRequest;
import org.nlscope.capture.CaptureSource;
import org.nlscope.capture.FrameSink;
import org.nlscope.capture.linux.NlmonCapture;
import org.nlscope.capture.linux.ProcessScope;
import org.nlscope.capture.scope.ScopeFilter;
import org.nlscope.capture.scope.ScopedSink;
import org.nlscope.model.CaptureMetadata;
import org.nlscope.model.CaptureStats;

/**
 * An in-process capture of some processes' traffic alone ({@link CaptureRequest#scoped}):
 * the nlmon capture's frames pass a {@link ScopeFilter} over a {@link ProcessScope}, the same
 * attribution {@code capture --pid/--process} and the capture helper use. The frames the
 * filter still holds when the capture thread ends are decided and delivered then, once.
 */
public final class ScopedCapture implements CaptureSource {
    private final NlmonCapture capture;
    private final ProcessScope processes;
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile ScopedSink sink;

    private ScopedCapture(NlmonCapture capture, ProcessScope processes) {
        this.capture = capture;
        this.processes = processes;
    }

    /**
     * Opens the capture and starts following the request's processes (fork events from now on).
     *
     * @throws CaptureException as {@link NlmonCapture#open} does
     */
    public static ScopedCapture open(CaptureRequest request) {
        NlmonCapture capture = NlmonCapture.open(request.options());
        ProcessScope processes = new ProcessScope(new LinkedHashSet<>(request.pids()),
                new LinkedHashSet<>(request.processNames()), capture::portOwner);
        processes.listenForForks();
        return new ScopedCapture(capture, processes);
    }

    @Override
    public String interfaceName() {
        return capture.interfaceName();
    }

    @Override
    public void start(FrameSink next) {
        ScopedSink s = new ScopedSink(new ScopeFilter(processes), next);
        sink = s;
        capture.start(s);
    }

    @Override
    public void stop() {
        capture.stop();
    }

    @Override
    public boolean awaitStop(Duration timeout) throws InterruptedException {
        boolean ended;
        try {
            ended = capture.awaitStop(timeout);
        } catch (CaptureException failed) {
            finish();   // the thread ended, with an error: what it captured still goes out
            throw failed;
        }
        if (ended) {
            finish();
        }
        return ended;
    }

    /** Once the capture thread has ended: the held frames' verdicts, with what is known. */
    private void finish() {
        ScopedSink s = sink;
        if (s != null && finished.compareAndSet(false, true)) {
            s.finish();
        }
    }

    /** Once closed (or ended): how the ports kept were attributed; empty before. */
    @Override
    public List<String> attribution() {
        ScopedSink s = sink;
        return s == null || !finished.get() ? List.of() : s.filter().summary();
    }

    @Override
    public CaptureStats stats() {
        return capture.stats();
    }

    @Override
    public CaptureMetadata metadata() {
        return capture.metadata();
    }

    @Override
    public void close() {
        try {
            capture.close();
            if (capture.awaitStop(Duration.ZERO)) {
                finish();
            }
        } catch (CaptureException endedWithAnError) {
            finish();   // whoever watched it has heard why
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            processes.close();
        }
    }
}
