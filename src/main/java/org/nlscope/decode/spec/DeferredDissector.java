package org.nlscope.decode.spec;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nlscope.decode.ByteView;
import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.Dissector;
import org.nlscope.decode.DissectorKey;
import org.nlscope.decode.MessageBody;
import org.nlscope.decode.MessageKind;

/**
 * A built-in family's dissector that is compiled when first asked anything but its key:
 * a read of a capture compiles only the families it has (start-up, Wireshark's lesson of
 * registering every dissector but building none it does not need).
 */
final class DeferredDissector implements Dissector {
    private final FamilyCompilation family;
    /** The compiled dissector once asked (the family compiles it once, whichever thread asks first). */
    private volatile Dissector compiled;

    DeferredDissector(FamilyCompilation family) {
        this.family = family;
    }

    /** Whether a question has compiled the family yet. */
    boolean isCompiled() {
        return family.isCompiled();
    }

    /** The family's dissector; the first call compiles it. */
    Dissector compiled() {
        Dissector known = compiled;
        if (known != null) {
            return known;
        }
        for (Dissector d : family.compiled().dissectors()) {
            if (d.key().equals(family.key())) {
                compiled = d;
                return d;
            }
        }
        throw new IllegalStateException("the files of " + family.key() + " compiled into no dissector of it");
    }

    @Override
    public DissectorKey key() {
        return family.key();
    }

    @Override
    public String messageName(int type) {
        return compiled().messageName(type);
    }

    @Override
    public MessageKind kind(int type) {
        return compiled().kind(type);
    }

    @Override
    public String messageName(int type, boolean request) {
        return compiled().messageName(type, request);
    }

    @Override
    public MessageKind kind(int type, boolean request) {
        return compiled().kind(type, request);
    }

    @Override
    public MessageBody decode(int type, boolean request, ByteView body, DecodeContext context) {
        return compiled().decode(type, request, body, context);
    }

    @Override
    public MessageBody decodeForSummary(int type, boolean request, ByteView body, DecodeContext context) {
        return compiled().decodeForSummary(type, request, body, context);
    }

    @Override
    public String attributeName(int type, boolean request, String nestPath, int attrType) {
        return compiled().attributeName(type, request, nestPath, attrType);
    }

    @Override
    public Set<String> secretAttributes() {
        return compiled().secretAttributes();
    }

    @Override
    public Set<String> addressFields() {
        return compiled().addressFields();
    }

    @Override
    public Set<String> sockaddrFields() {
        return compiled().sockaddrFields();
    }

    @Override
    public Map<String, List<String>> filterFields() {
        return compiled().filterFields();
    }
}
