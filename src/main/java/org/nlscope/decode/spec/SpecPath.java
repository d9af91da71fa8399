package org.nlscope.decode.spec;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;

/** Renders a place inside a file the way errors name it: {@code attribute-sets[2].attributes[5].type}. */
final class SpecPath {
    private SpecPath() {
    }

    static String of(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
