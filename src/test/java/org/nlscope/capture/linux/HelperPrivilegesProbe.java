package org.nlscope.capture.linux;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;

/**
 * Run in a child JVM by {@link HelperPrivilegesTest}: drops privileges as the capture
 * helper does, then prints the status lines of this thread, of a thread it starts, and
 * of a program it runs, and whether a chown (CAP_CHOWN, which root had) still works.
 */
public final class HelperPrivilegesProbe {
    private static final List<String> KEYS = List.of("CapInh:", "CapPrm:", "CapEff:", "CapBnd:", "CapAmb:", "NoNewPrivs:");

    private HelperPrivilegesProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Files.createTempFile("nlscope-probe", ".tmp");
        HelperPrivileges.dropAllButCapture();
        print("thread", Files.readAllLines(Path.of("/proc/thread-self/status")));
        Thread t = new Thread(() -> {
            try {
                print("started-thread", Files.readAllLines(Path.of("/proc/thread-self/status")));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        t.start();
        t.join();
        Process cat = new ProcessBuilder("cat", "/proc/self/status").start();
        print("program", new String(cat.getInputStream().readAllBytes()).lines().toList());
        cat.waitFor();
        try {
            UserPrincipal nobody = file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(file, nobody);
            System.out.println("chown: allowed");
        } catch (java.io.IOException e) {
            System.out.println("chown: refused");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void print(String who, List<String> status) {
        for (String line : status) {
            for (String key : KEYS) {
                if (line.startsWith(key)) {
                    System.out.println(who + " " + key + " " + line.substring(key.length()).trim());
                }
            }
        }
    }
}
