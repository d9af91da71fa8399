package org.nlscope.decode;

import java.nio.file.Path;
import java.util.List;

/**
 * A source of dissectors, found through {@link java.util.ServiceLoader}
 * (META-INF/services/org.nlscope.decode.DissectorProvider).
 */
public interface DissectorProvider {

    /**
     * The dissectors this provider offers.
     *
     * @param userDirectories directories of user dissector files, in increasing priority
     * @throws DissectorLoadException when a dissector file is invalid: its message names the file and the path inside it
     */
    List<Dissector> dissectors(List<Path> userDirectories);

    /**
     * The dissectors this provider offers for these sources; the default takes only the
     * dissector directories.
     */
    default List<Dissector> dissectors(DissectorSources sources) {
        return dissectors(sources.dissectorDirs());
    }

    /** Higher priority providers override lower ones for the same key; built-in data files are 0. */
    default int priority() {
        return 0;
    }
}
