package org.nlscope.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The capture that ships with nlscope (recorded with ip and genl on a kernel with nlmon), for a first look. */
final class SampleCapture {

    static final String RESOURCE = "/samples/ip-link-session.pcap";

    private SampleCapture() {
    }

    /** A temporary copy of it, deleted when nlscope exits. */
    static Path copy() throws IOException {
        try (InputStream in = SampleCapture.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("it is missing from this build (" + RESOURCE + ")");
            }
            Path dir = Files.createTempDirectory("nlscope-sample");
            Path copy = dir.resolve(Path.of(RESOURCE).getFileName().toString());
            Files.copy(in, copy);
            copy.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return copy;
        }
    }
}
