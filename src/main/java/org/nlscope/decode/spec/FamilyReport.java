package org.nlscope.decode.spec;

import java.util.List;
import org.nlscope.decode.DissectorKey;

/**
 * What {@code nlscope dissectors} says of one loaded family.
 *
 * @param key      the family
 * @param sources  the files it was made from, highest priority first: "dissectors/..." for
 *                 built-in files, else the path of a kernel spec or a user's file
 * @param messages how many message types (genl commands) it names
 * @param warnings what was loaded in spite of a small inconsistency, or left out
 */
public record FamilyReport(DissectorKey key, List<String> sources, int messages, List<String> warnings) {
    public FamilyReport {
        sources = List.copyOf(sources);
        warnings = List.copyOf(warnings);
    }
}
