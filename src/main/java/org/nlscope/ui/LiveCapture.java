package org.nlscope.ui;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.nlscope.capture.CaptureException;
import org.nlscope.capture.CaptureOptions;
import org.nlscope.capture.CaptureSource;
import org.nlscope.capture.linux.HelperPrivileges;
import org.nlscope.capture.linux.NlmonCapture;
import org.nlscope.model.CaptureMetadata;
import org.nlscope.model.Frame;
import org.nlscope.pcap.CaptureFileException;
import org.nlscope.pcap.CaptureReader;
import org.nlscope.session.CaptureSession;

/**
 * Starts a live capture the way this process can: in-process when it holds
 * CAP_NET_ADMIN and CAP_NET_RAW, else as a privileged child ({@code nlscope capture --helper}
 * through {@code sudo -n} or {@code pkexec}) whose pcapng stream is read from its stdout,
 * as Wireshark does with dumpcap: the child keeps only those two capabilities and reads
 * no file of the user's. When neither works, {@link #start} throws a
 * {@link CaptureException} whose message says why and what to do.
 */
public final class LiveCapture {

    /** A running capture. */
    public interface Running {
        /** Stops it; frames already captured stay delivered. */
        void stop();

        /** What it knows beyond its frames (genl snapshot, port owners, kernel drop counters). */
        CaptureMetadata metadata();

        /** "in-process on nlmon0", "through sudo". */
        String how();
    }

    private static final int CAP_NET_ADMIN = 12;
    private static final int CAP_NET_RAW = 13;

    private LiveCapture() {
    }

    /**
     * Starts capturing into the sink; returns once frames flow (or the start failed).
     *
     * @param onEnd told, on the capture's thread, when it ends on its own; null when stopped, else why
     */
    public static Running start(CaptureSession session, Consumer<String> onEnd) {
        if (hasCaptureCapabilities()) {
            return inProcess(session);
        }
        List<String> command = childCommand();
        List<String> elevate = elevation();
        if (command == null || elevate == null) {
            throw noPrivileges();
        }
        List<String> full = new ArrayList<>(elevate);
        full.addAll(command);
        return child(full, elevate.get(0), session, onEnd);
    }

    /** The launcher the app uses. */
    public static final CaptureLauncher LAUNCHER = new CaptureLauncher() {
        @Override
        public Running start(CaptureSession session, Consumer<String> onEnd) {
            return LiveCapture.start(session, onEnd);
        }

        @Override
        public CaptureException check() {
            return LiveCapture.check();
        }
    };

    /**
     * Why {@link #start} would fail, or null. With the capabilities it brings nlmon up and
     * down once (the only way to learn whether the kernel has it); without, it only looks
     * for a way to elevate.
     */
    static CaptureException check() {
        if (hasCaptureCapabilities()) {
            try (CaptureSource probe = NlmonCapture.open(CaptureOptions.defaults())) {
                return null;
            } catch (CaptureException e) {
                return e;
            }
        }
        return childCommand() == null || elevation() == null ? noPrivileges() : null;
    }

    private static CaptureException noPrivileges() {
        return new CaptureException(CaptureException.Reason.PRIVILEGES,
                "it needs CAP_NET_ADMIN and CAP_NET_RAW, and neither sudo (without a password) nor "
                        + "pkexec is available. Start nlscope with sudo, or grant the capabilities to java once: "
                        + "sudo setcap cap_net_admin,cap_net_raw+ep " + javaBinary());
    }

    /** True when the effective capabilities hold both CAP_NET_ADMIN and CAP_NET_RAW (root has them). */
    static boolean hasCaptureCapabilities() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("CapEff:")) {
                    long caps = Long.parseUnsignedLong(line.substring(7).trim(), 16);
                    return (caps >> CAP_NET_ADMIN & 1) == 1 && (caps >> CAP_NET_RAW & 1) == 1;
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc: not Linux, no capture
        }
        return false;
    }

    private static Running inProcess(CaptureSession session) {
        CaptureSource source = NlmonCapture.open(CaptureOptions.defaults());
        source.start(session.sinkFor(source));
        return new Running() {
            @Override
            public void stop() {
                source.close();
            }

            @Override
            public CaptureMetadata metadata() {
                return source.metadata();
            }

            @Override
            public String how() {
                return "on " + source.interfaceName();
            }
        };
    }

    /** Set by the package's launcher: the path of its capture helper (nlscope capture --helper, no other arguments). */
    static final String HELPER_PROPERTY = "nlscope.helper";

    /**
     * The same nlscope, as a command: the package's helper when installed, else this JVM with
     * this class path running the command line.
     */
    static List<String> childCommand() {
        // the installed package names its helper, the one program its polkit policy lets pkexec run
        String helper = System.getProperty(HELPER_PROPERTY);
        if (helper != null && java.nio.file.Files.isExecutable(Path.of(helper))) {
            return List.of(helper);
        }
        String java = ProcessHandle.current().info().command().orElse(null);
        String classPath = System.getProperty("java.class.path");
        if (java == null || classPath == null || classPath.isBlank()) {
            return null;
        }
        List<String> command = new ArrayList<>(onPath("setpriv") ? HelperPrivileges.WHOLE_PROCESS : List.of());
        command.addAll(List.of(java, "-cp", classPath, "org.nlscope.cli.Main", "capture", "--helper"));
        return command;
    }

    /** sudo -n when it needs no password, else pkexec when there is a desktop to ask in; null when neither. */
    static List<String> elevation() {
        if (onPath("sudo") && runs(List.of("sudo", "-n", "true"))) {
            return List.of("sudo", "-n");
        }
        if (onPath("pkexec") && (System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null)) {
            return List.of("pkexec");
        }
        return null;
    }

    private static Running child(List<String> command, String via, CaptureSession session, Consumer<String> onEnd) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            throw new CaptureException(CaptureException.Reason.SYSTEM, "could not start " + via + ": " + e.getMessage());
        }
        List<String> stderr = new ArrayList<>();
        Thread errReader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (stderr) {
                        stderr.add(line);
                    }
                }
            } catch (IOException ignored) {
                // the child is gone
            }
        }, "nlscope-capture-stderr");
        errReader.setDaemon(true);
        errReader.start();

        CaptureReader reader;
        try {
            reader = CaptureReader.open(process.getInputStream(), "the capture child");
        } catch (CaptureFileException e) {
            // the child wrote no capture: it failed to start, and its stderr says why
            process.destroy();
            throw new CaptureException(CaptureException.Reason.SYSTEM, childError(process, errReader, stderr, via));
        }
        AtomicBoolean stopping = new AtomicBoolean();
        Thread pump = new Thread(() -> {
            String end = null;
            try (reader) {
                Frame frame;
                long lastFlush = System.nanoTime();
                while ((frame = reader.next()) != null) {
                    CaptureMetadata added = reader.takeNewMetadata();
                    if (!added.isEmpty()) {
                        session.store().addMetadata(added);
                    }
                    session.append(frame);
                    if (System.nanoTime() - lastFlush > 1_000_000_000L && session.autosave() != null) {
                        session.autosave().flush();
                        lastFlush = System.nanoTime();
                    }
                }
            } catch (CaptureFileException e) {
                if (!stopping.get()) {
                    end = e.getMessage();
                }
            }
            if (!stopping.get()) {
                onEnd.accept(end != null ? end : childError(process, errReader, stderr, via));
            }
        }, "nlscope-capture-child");
        pump.setDaemon(true);
        pump.start();
        return new Running() {
            @Override
            public void stop() {
                stopping.set(true);
                // SIGTERM: the child stops, removes nlmon0 and flushes; its stream then ends
                process.destroy();
                try {
                    if (!process.waitFor(3, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                    pump.join(Duration.ofSeconds(3).toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public CaptureMetadata metadata() {
                return reader.metadata();
            }

            @Override
            public String how() {
                return "through " + via;
            }
        };
    }

    private static String childError(Process p, Thread errReader, List<String> stderr, String via) {
        try {
            p.waitFor(3, TimeUnit.SECONDS);
            errReader.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (stderr) {
            String last = stderr.isEmpty() ? null : stderr.get(stderr.size() - 1).replaceFirst("^nlscope: ", "");
            return last != null ? last : "the capture started through " + via + " ended"
                    + (p.isAlive() ? "" : " with exit code " + p.exitValue());
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static boolean runs(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(3, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String javaBinary() {
        String cmd = ProcessHandle.current().info().command().orElse("java");
        try {
            return Path.of(cmd).toRealPath().toString();
        } catch (IOException e) {
            return "$(readlink -f $(which java))";
        }
    }
}
