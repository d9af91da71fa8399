package org.nlscope.decode;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Where dissectors come from besides the built-in ones.
 *
 * @param dissectorDirs directories of nlscope's own dissector files, in increasing priority
 * @param ynlDirs       directories of kernel YNL specs ({@code --ynl}), in increasing priority
 * @param systemSpecs   whether the running system's kernel documentation is searched for YNL specs
 */
public record DissectorSources(List<Path> dissectorDirs, List<Path> ynlDirs, boolean systemSpecs) {
    /** The system property that switches the search of the system's specs off ({@code false}); tests set it. */
    public static final String SYSTEM_SPECS_PROPERTY = "nlscope.ynl.system";
    /** The environment variable that does the same ({@code 0}, {@code no} or {@code off}). */
    public static final String SYSTEM_SPECS_ENV = "NLSCOPE_SYSTEM_YNL";

    public DissectorSources {
        dissectorDirs = List.copyOf(dissectorDirs);
        ynlDirs = List.copyOf(ynlDirs);
    }

    /** Only these dissector directories, with the system's specs as the property and environment say. */
    public static DissectorSources of(List<Path> dissectorDirs) {
        return new DissectorSources(dissectorDirs, List.of(), systemSpecsEnabled());
    }

    /** False when {@link #SYSTEM_SPECS_PROPERTY} or {@link #SYSTEM_SPECS_ENV} says so. */
    public static boolean systemSpecsEnabled() {
        String p = System.getProperty(SYSTEM_SPECS_PROPERTY);
        String e = System.getenv(SYSTEM_SPECS_ENV);
        return !(off(p) || p == null && off(e));
    }

    private static boolean off(String v) {
        return v != null && List.of("0", "false", "no", "off").contains(v.trim().toLowerCase(Locale.ROOT));
    }
}
