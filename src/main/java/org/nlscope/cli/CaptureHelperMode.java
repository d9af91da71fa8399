package org.nlscope.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.nlscope.capture.CaptureException;
import org.nlscope.capture.CaptureOptions;
import org.nlscope.capture.linux.HelperPrivileges;

/**
 * {@code nlscope capture --helper}: the privileged half of a capture, as dumpcap is to
 * Wireshark. The desktop app starts it through sudo or pkexec and reads the pcapng it
 * streams to standard output. Run as root, it takes nothing that names a file: no
 * output path (nothing is written as root), no dissector files, no decode, so no
 * user-supplied data is ever parsed with privileges; and before it opens anything it
 * drops every capability but CAP_NET_ADMIN and CAP_NET_RAW and sets no_new_privs.
 */
final class CaptureHelperMode {

    private CaptureHelperMode() {
    }

    /**
     * The network namespace packaging/nlscope-capture-helper entered before it started this JVM
     * (NLSCOPE_HELPER_NETNS, a name or a process id it checked), as a label; null when none.
     */
    static String enteredNetnsLabel(Map<String, String> environment) {
        String spec = environment.get("NLSCOPE_HELPER_NETNS");
        return spec != null && spec.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}") ? CaptureOptions.netnsLabel(spec) : null;
    }

    /** Refuses, with one line and exit 1, every option that would read or write a user's file or decode. */
    static void refuseUserInput(String writeTo, List<Path> dissectorDirs, List<Path> ynlDirs, OutputFormat format,
                                String displayFilter, boolean redact, List<String> command, String netns)
            throws CliException {
        if (!command.isEmpty()) {
            throw refused("-- " + command.get(0), "it runs no command as root; capture a process with --pid or --process");
        }
        if (netns != null) {
            // without CAP_SYS_ADMIN it could not enter one anyway; the rule of whose namespace is whose lives in one place
            throw refused("--netns " + netns, "it is started inside the namespace, by packaging/nlscope-capture-helper "
                    + "(which checks that the calling user may capture it) or nsenter");
        }
        if (writeTo != null) {
            throw refused("-w " + writeTo, "it streams pcapng to standard output only, and writes no file as root");
        }
        if (!dissectorDirs.isEmpty()) {
            throw refused("--dissectors", "it loads no dissector files and decodes nothing");
        }
        if (!ynlDirs.isEmpty()) {
            throw refused("--ynl", "it loads no YNL specs and decodes nothing");
        }
        if (format.verbose || format.json) {
            throw refused(format.json ? "--json" : "-V", "it decodes nothing; its parent does");
        }
        if (displayFilter != null) {
            throw refused("-Y", "it parses nothing of the user's; filter in the desktop app");
        }
        if (redact) {
            throw refused("--redact", "it decodes nothing; redact when saving from the desktop app");
        }
    }

    private static CliException refused(String option, String why) {
        return new CliException("capture --helper does not take " + Errors.oneLine(option) + ": " + why, Main.EXIT_USAGE);
    }

    /**
     * When standard input is a pipe (the desktop app's), its end means the app stopped the
     * capture or is gone (even killed): then stop, so a root helper never outlives its app.
     * Any other stdin (a terminal, /dev/null) is left unread.
     */
    static void stopWhenStdinEnds(Runnable stop) {
        try {
            if (!Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString().startsWith("pipe:")) {
                return;
            }
        } catch (java.io.IOException | UnsupportedOperationException e) {
            return;
        }
        Thread watch = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the app writes nothing; bytes are ignored
                }
            } catch (java.io.IOException e) {
                // a broken pipe is an end too
            }
            stop.run();
        }, "nlscope-helper-stdin");
        watch.setDaemon(true);
        watch.start();
    }

    /** Narrows the calling thread to the capture's two capabilities; returns the effective mask. */
    static long dropPrivileges() throws CliException {
        try {
            return HelperPrivileges.dropAllButCapture();
        } catch (CaptureException e) {
            throw new CliException(Errors.oneLine(e.getMessage()), Main.EXIT_FILE);
        }
    }
}
