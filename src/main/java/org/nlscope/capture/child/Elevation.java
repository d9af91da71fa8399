package org.nlscope.capture.child;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** How an unprivileged process gets root for its capture helper: sudo without a password, or pkexec. */
final class Elevation {

    private Elevation() {
    }

    /**
     * {@code sudo -n} when sudo lets this user run the command without a password (a rule for
     * the helper alone will do, as {@code sudo -n -l COMMAND} tells without running it), else
     * pkexec when there is a desktop to ask in; null when neither.
     */
    static List<String> find(List<String> command) {
        List<String> list = new java.util.ArrayList<>(List.of("sudo", "-n", "-l"));
        list.addAll(command);
        if (onPath("sudo") && runs(list)) {
            return List.of("sudo", "-n");
        }
        if (onPath("pkexec") && (System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null)) {
            return List.of("pkexec");
        }
        return null;
    }

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static boolean runs(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) { // sudo under emulation takes seconds
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
