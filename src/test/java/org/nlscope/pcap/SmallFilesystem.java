package org.nlscope.pcap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real, tiny tmpfs mounted for a test, to fill up: writes there fail with ENOSPC
 * ("No space left on device") as on any full disk. Needs root; skips the test otherwise.
 */
public final class SmallFilesystem implements AutoCloseable {
    private final Path dir;

    private SmallFilesystem(Path dir) {
        this.dir = dir;
    }

    public static SmallFilesystem mount(Path dir, int kibibytes) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + kibibytes + "k,mode=0755",
                "nlscope-test", dir.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        Assumptions.assumeTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "cannot mount a tmpfs here: " + out);
        return new SmallFilesystem(dir);
    }

    public Path dir() {
        return dir;
    }

    /** Lazily: a file still open (an app that is closing) does not keep the mount. */
    @Override
    public void close() throws IOException, InterruptedException {
        new ProcessBuilder("umount", "--lazy", dir.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
    }
}
