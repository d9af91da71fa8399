package org.nlscope.ui;

import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.nlscope.capture.CaptureException;
import org.nlscope.model.CaptureMetadata;
import org.nlscope.model.Frame;
import org.nlscope.pcap.CaptureFileException;
import org.nlscope.pcap.CaptureReader;
import org.nlscope.session.CaptureSession;

/**
 * {@code nlscope gui -}: a live view of a capture streamed into standard input, as
 * {@code wireshark -k -i -} does ({@code ssh host sudo nlscope capture -w - | nlscope gui -}).
 * Frames show as they arrive; the capture ends when the stream does. The stream is read once:
 * a second start finds it ended.
 */
final class StdinCapture implements CaptureLauncher {

    static final String NAME = "standard input";

    private static final long AUTOSAVE_FLUSH_NANOS = 1_000_000_000L;

    private final InputStream in;

    StdinCapture(InputStream in) {
        this.in = in;
    }

    @Override
    public LiveCapture.Running start(CaptureSession session, Consumer<String> onEnd) {
        CaptureReader reader;
        try {
            reader = CaptureReader.open(in, NAME); // blocks until the stream's first bytes arrive
        } catch (CaptureFileException e) {
            throw new CaptureException(CaptureException.Reason.SYSTEM, e.getMessage());
        }
        AtomicBoolean stopping = new AtomicBoolean();
        Thread pump = new Thread(() -> {
            String end;
            long frames = 0;
            try (reader) {
                Frame frame;
                long lastFlush = System.nanoTime();
                while ((frame = reader.next()) != null && !stopping.get()) {
                    CaptureMetadata added = reader.takeNewMetadata();
                    if (!added.isEmpty()) {
                        session.store().addMetadata(added);
                    }
                    session.append(frame);
                    frames++;
                    if (System.nanoTime() - lastFlush > AUTOSAVE_FLUSH_NANOS && session.autosave() != null) {
                        session.autosave().flush();
                        lastFlush = System.nanoTime();
                    }
                }
                end = NAME + " ended after " + frames + " frames";
            } catch (CaptureFileException e) {
                end = e.getMessage();
            }
            if (!stopping.get()) {
                onEnd.accept(end);
            }
        }, "nlscope-stdin-capture");
        pump.setDaemon(true);
        pump.start();
        return new LiveCapture.Running() {
            @Override
            public void stop() {
                // the writer of the pipe may go on; the frames so far stay, nothing more is read
                stopping.set(true);
                reader.close();
            }

            @Override
            public CaptureMetadata metadata() {
                return reader.metadata();
            }

            @Override
            public String how() {
                return "from " + NAME;
            }
        };
    }

    @Override
    public CaptureException check() {
        return null;
    }
}
