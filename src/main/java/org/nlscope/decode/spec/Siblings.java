package org.nlscope.decode.spec;

import java.util.List;
import org.nlscope.decode.NlAttr;

/**
 * The attributes of one list (of a set, or null for an indexed-array's entries) and the list it
 * is nested in: where a sub-message's selector is looked for, nearest first.
 */
record Siblings(AttrSetSpec set, List<NlAttr> attrs, Siblings parent) implements SpecDecoding.Scope {

    @Override
    public String nameOf(int type) {
        return set == null || set.spec(type) == null ? null : set.nameOf(type);
    }

    @Override
    public SpecDecoding.Scope outer() {
        return parent;
    }
}
