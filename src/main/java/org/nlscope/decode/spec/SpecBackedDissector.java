package org.nlscope.decode.spec;

import java.util.Set;
import org.nlscope.decode.Dissector;
import org.nlscope.decode.DissectorKey;
import org.nlscope.decode.MessageKind;

/**
 * What a {@link SpecExtension} returns: its family's compiled files answer the questions
 * about names, kinds and secrets; the extension writes the decode (and may hand it back to
 * {@link #data}). Not {@link #filterFields()}: a file's enums are not the values of a field
 * whose meaning the extension picks (sock_diag's sdiag_protocol is IPPROTO_* or NETLINK_*).
 */
public abstract class SpecBackedDissector implements Dissector {
    protected final SpecDissector data;

    protected SpecBackedDissector(SpecDissector data) {
        this.data = data;
    }

    @Override
    public DissectorKey key() {
        return data.key();
    }

    @Override
    public String messageName(int type) {
        return data.messageName(type);
    }

    @Override
    public MessageKind kind(int type) {
        return data.kind(type);
    }

    @Override
    public String messageName(int type, boolean request) {
        return data.messageName(type, request);
    }

    @Override
    public MessageKind kind(int type, boolean request) {
        return data.kind(type, request);
    }

    @Override
    public String attributeName(int type, boolean request, String nestPath, int attrType) {
        return data.attributeName(type, request, nestPath, attrType);
    }

    @Override
    public Set<String> secretAttributes() {
        return data.secretAttributes();
    }

    @Override
    public Set<String> addressFields() {
        return data.addressFields();
    }

    @Override
    public Set<String> sockaddrFields() {
        return data.sockaddrFields();
    }
}
