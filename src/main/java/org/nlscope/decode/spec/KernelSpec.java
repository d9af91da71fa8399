package org.nlscope.decode.spec;

import com.fasterxml.jackson.databind.JsonNode;
import org.nlscope.decode.DissectorKey;
import org.nlscope.decode.ynl.YnlFamily;
import org.nlscope.decode.ynl.YnlLoader;

/**
 * A kernel YNL spec as the provider found it: its tree (what a newer spec of its name is
 * laid over), the family it describes, and its translation, made when first asked (a
 * built-in spec's family is compiled only when a capture has it).
 */
final class KernelSpec {
    private final String source;
    private final JsonNode tree;
    private final boolean fromSystem;
    /** The spec it was laid over when it came from the system (what to use without it), or null. */
    private final KernelSpec builtIn;
    private final DissectorKey key;
    private YnlFamily family;

    /** @throws org.nlscope.decode.DissectorLoadException when the spec names no family */
    KernelSpec(String source, JsonNode tree, boolean fromSystem, KernelSpec builtIn) {
        this.source = source;
        this.tree = tree;
        this.fromSystem = fromSystem;
        this.builtIn = builtIn;
        this.key = YnlLoader.key(source, tree);
    }

    JsonNode tree() {
        return tree;
    }

    boolean fromSystem() {
        return fromSystem;
    }

    DissectorKey key() {
        return key;
    }

    /** What to use when the system's spec is not wanted: the built-in one it was laid over, or none. */
    KernelSpec withoutSystem() {
        return fromSystem ? builtIn : this;
    }

    /** The spec translated into a dissector file; the first call translates it. */
    synchronized YnlFamily family() {
        if (family == null) {
            family = YnlLoader.translate(source, tree);
        }
        return family;
    }
}
