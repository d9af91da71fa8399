package org.nlscope.capture.linux;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Run by {@link HelperWholeProcessTest} under setpriv: prints CapEff and NoNewPrivs of every thread of this JVM. */
public final class WholeProcessProbe {
    private WholeProcessProbe() {
    }

    public static void main(String[] args) throws IOException {
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                for (String line : Files.readAllLines(task.resolve("status"))) {
                    if (line.startsWith("Name:") || line.startsWith("CapEff:") || line.startsWith("NoNewPrivs:")) {
                        System.out.println(task.getFileName() + " " + line.replaceAll("\\s+", " "));
                    }
                }
            }
        }
    }
}
