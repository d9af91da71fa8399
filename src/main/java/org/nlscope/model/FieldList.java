package org.nlscope.model;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * An immutable list of fields made by a {@link Builder}, which hands its array over: the
 * decode makes one list per nest, struct and message, and the records holding them keep
 * it as it is rather than copying it again ({@link #immutable}).
 */
public final class FieldList extends AbstractList<Field> implements RandomAccess {
    private final Field[] items;
    private final int size;

    private FieldList(Field[] items, int size) {
        this.items = items;
        this.size = size;
    }

    /** The list as it is when made by a builder or {@code List.of}, else an immutable copy. */
    public static List<Field> immutable(List<Field> fields) {
        return fields == null ? List.of() : fields instanceof FieldList ? fields : List.copyOf(fields);
    }

    public static Builder builder(int expected) {
        return new Builder(expected);
    }

    @Override
    public Field get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " of " + size);
        }
        return items[index];
    }

    @Override
    public int size() {
        return size;
    }

    /** Collects fields, then makes one list of them; not to be used after {@link #build}. */
    public static final class Builder {
        private Field[] items;
        private int size;

        private Builder(int expected) {
            items = new Field[Math.max(expected, 2)];
        }

        public Builder add(Field f) {
            if (f == null) {
                throw new NullPointerException("a field list holds no null");
            }
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = f;
            return this;
        }

        public Builder addAll(List<Field> fields) {
            for (int i = 0, n = fields.size(); i < n; i++) {
                add(fields.get(i));
            }
            return this;
        }

        public int size() {
            return size;
        }

        public List<Field> build() {
            Field[] built = items;
            items = null; // the list owns the array now
            return size == 0 ? List.of() : new FieldList(built, size);
        }
    }
}
