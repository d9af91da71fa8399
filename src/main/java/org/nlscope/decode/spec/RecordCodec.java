package org.nlscope.decode.spec;

import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes and reads a record of strings, Integers, Longs, Booleans, lists and records
 * ({@link FamilySpec}'s kind) as bytes, by the record's declared component types: no
 * names in the stream, and none of Jackson's introspection when read, which is what a
 * dissector file's records cost at start-up. Anything else is refused when written.
 */
final class RecordCodec {
    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

    /** A record's components and canonical constructor. */
    private record Shape(RecordComponent[] components, Constructor<?> constructor) {
    }

    private RecordCodec() {
    }

    static void write(DataOutput out, Type type, Object value) throws IOException {
        out.writeBoolean(value != null);
        if (value == null) {
            return;
        }
        Class<?> raw = raw(type);
        if (raw == String.class) {
            byte[] utf8 = ((String) value).getBytes(StandardCharsets.UTF_8);
            out.writeInt(utf8.length);
            out.write(utf8);
        } else if (raw == Integer.class) {
            out.writeInt((Integer) value);
        } else if (raw == Long.class) {
            out.writeLong((Long) value);
        } else if (raw == Boolean.class) {
            out.writeBoolean((Boolean) value);
        } else if (raw == List.class) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            List<?> list = (List<?>) value;
            out.writeInt(list.size());
            for (Object o : list) {
                write(out, element, o);
            }
        } else if (raw.isRecord()) {
            Shape shape = shape(raw);
            for (RecordComponent c : shape.components()) {
                try {
                    write(out, c.getGenericType(), c.getAccessor().invoke(value));
                } catch (ReflectiveOperationException e) {
                    throw new IOException(raw.getName() + "." + c.getName() + ": " + e, e);
                }
            }
        } else {
            throw new IOException("cannot write a " + type.getTypeName());
        }
    }

    static Object read(DataInputStream in, Type type) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        Class<?> raw = raw(type);
        if (raw == String.class) {
            byte[] utf8 = new byte[TreeCodec.length(in)];
            in.readFully(utf8);
            return new String(utf8, StandardCharsets.UTF_8);
        } else if (raw == Integer.class) {
            return in.readInt();
        } else if (raw == Long.class) {
            return in.readLong();
        } else if (raw == Boolean.class) {
            return in.readBoolean();
        } else if (raw == List.class) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            int n = TreeCodec.length(in);
            List<Object> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(read(in, element));
            }
            return list;
        } else if (raw.isRecord()) {
            Shape shape = shape(raw);
            RecordComponent[] components = shape.components();
            Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                args[i] = read(in, components[i].getGenericType());
            }
            try {
                return shape.constructor().newInstance(args);
            } catch (ReflectiveOperationException | IllegalArgumentException e) {
                throw new IOException(raw.getName() + ": " + e, e);
            }
        }
        throw new IOException("cannot read a " + type.getTypeName());
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    private static Shape shape(Class<?> record) throws IOException {
        Shape shape = SHAPES.get(record);
        if (shape == null) {
            RecordComponent[] components = record.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
            }
            try {
                shape = new Shape(components, record.getDeclaredConstructor(types));
            } catch (NoSuchMethodException e) {
                throw new IOException(record.getName() + ": no canonical constructor", e);
            }
            SHAPES.put(record, shape);
        }
        return shape;
    }
}
