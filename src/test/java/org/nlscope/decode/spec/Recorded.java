package org.nlscope.decode.spec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Messages a real kernel sent, recorded by spec-fixtures/record.py: one per line,
 * "nlmsg_type nlmsg_flags hex-of-the-whole-message".
 */
record Recorded(int type, int flags, byte[] bytes) {

    static List<Recorded> load(String name) {
        List<Recorded> out = new ArrayList<>();
        for (String line : new String(Fixtures.resource("spec-fixtures/" + name), StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] p = line.trim().split(" ");
            out.add(new Recorded(Integer.parseInt(p[0]), Integer.parseInt(p[1]), HexFormat.of().parseHex(p[2])));
        }
        return out;
    }
}
