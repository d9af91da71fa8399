package org.nlscope.decode.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nlscope.decode.ByteView;
import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.MessageBody;
import org.nlscope.model.Field;

/** Loading test dissector files and decoding bodies with them. */
final class Fixtures {
    private Fixtures() {
    }

    /** Compiles files from the test classpath (paths relative to it) into one dissector per family. */
    static List<SpecDissector> compile(String... resources) {
        List<SpecFile> files = new ArrayList<>();
        for (String r : resources) {
            files.add(SpecLoader.parse(r, resource(r)));
        }
        return SpecCompiler.compile(files, SpecDissectorProvider.valueDecoders());
    }

    static SpecDissector single(String... resources) {
        return compile(resources).get(0);
    }

    static byte[] resource(String path) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Decodes a body placed at offset {@code at} of a larger frame, so the tests see
     * that every offset is absolute in the frame.
     */
    static MessageBody decode(SpecDissector d, int type, boolean request, byte[] body, int at) {
        byte[] frame = new byte[at + body.length + 3];
        System.arraycopy(body, 0, frame, at, body.length);
        return d.decode(type, request, new ByteView(frame, at, at + body.length), DecodeContext.empty());
    }

    /** The field at a path of names ("IFLA_LINKINFO/IFLA_INFO_DATA/IFLA_VLAN_ID") among top-level fields. */
    static Field at(List<Field> fields, String path) {
        String[] names = path.split("/");
        Field f = null;
        for (Field c : fields) {
            if (names[0].equals(c.label())) {
                f = c;
                break;
            }
        }
        for (int i = 1; i < names.length && f != null; i++) {
            Field next = null;
            for (Field c : f.children()) {
                if (names[i].equals(c.label())) {
                    next = c;
                    break;
                }
            }
            f = next;
        }
        if (f == null) {
            throw new AssertionError("no field " + path + " in " + fields);
        }
        return f;
    }

    static Field at(MessageBody body, String path) {
        List<Field> all = new ArrayList<>(body.fixedHeader());
        all.addAll(body.attributes());
        return at(all, path);
    }

}
