package org.nlscope.decode.spec;

import java.util.Map;

/** A compiled sub-message: its formats by the selector's value (as the file writes it, or the enum name). */
record SubMessageSpec(String name, Map<String, Format> formats) {

    /**
     * One format: a struct, then the attributes of a set, either may be null; or, when
     * {@code value} is not null, one value of a scalar type (the format's {@code type}).
     */
    record Format(StructSpec struct, AttrSetSpec set, AttrSpec value) {
    }
}
