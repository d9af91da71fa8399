package org.nlscope.decode.spec;

import org.nlscope.decode.Dissector;
import org.nlscope.decode.DissectorKey;

/**
 * Java code that builds a family's dissector on its dissector files, for what a file
 * cannot say: sock_diag chooses each message's fixed header and attribute set by the
 * address family in its first byte, while the layouts themselves stay data. Found through
 * {@link java.util.ServiceLoader} (META-INF/services/org.nlscope.decode.spec.SpecExtension);
 * implementations are stateless.
 */
public interface SpecExtension {

    /** The family whose files this extends. */
    DissectorKey key();

    /** The dissector to register for {@link #key()}, made from the family's compiled files. */
    Dissector extend(SpecDissector data);
}
