package org.nlscope.session.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.Direction;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.RowBuilder;
import org.nlscope.session.StoreIndex;
import org.nlscope.uapi.Netlink;

/**
 * The kinds of message statistics count, each with a small id: its family and type names, decoded
 * once per (family, type, genl command, genl family, direction, request flag), since directional
 * families (ethtool) name a command's reply apart. A row's id is found without allocating. Not
 * thread-safe: {@link Statistics} guards it.
 */
final class MessageKinds {
    private record NameKey(int family, int type, int command, String genlFamily, Direction direction, boolean request) {
    }

    private final List<Statistics.TypeKey> keys = new ArrayList<>();
    /** The genl family each id was named under (null outside generic netlink), checked on a packed hit. */
    private final List<String> genlOfId = new ArrayList<>();
    private final Map<Statistics.TypeKey, Integer> ids = new HashMap<>();
    private final Map<NameKey, Integer> names = new HashMap<>();
    /** The name key without the genl family, packed in a long ({@link #packed}). */
    private final LongIntMap packedNames = new LongIntMap();
    private final Map<Integer, String> errnoNames = new HashMap<>();

    int size() {
        return keys.size();
    }

    Statistics.TypeKey key(int id) {
        return keys.get(id);
    }

    /** The id of a row's kind of message (row of frame {@code number}, which has this family and direction). */
    int of(CaptureStore store, int number, int family, Direction direction, int row) {
        StoreIndex index = store.index();
        int type = index.type(row);
        int command = index.command(row);
        boolean request = (index.flags(row) & Netlink.NLM_F_REQUEST) != 0;
        String genl = family == Netlink.NETLINK_GENERIC ? store.context(number).genlFamily(type) : null;
        long packed = packed(family, type, command, direction, request);
        int id = packedNames.get(packed);
        if (id >= 0 && Objects.equals(genlOfId.get(id), genl)) {
            return id;
        }
        NameKey nameKey = new NameKey(family, type, command, genl, direction, request);
        Integer named = names.get(nameKey);
        if (named == null) {
            DecodedMessage m = store.message(row);
            named = of(new Statistics.TypeKey(RowBuilder.familyName(store.decoded(number), m), RowBuilder.typeName(m)), genl);
            names.put(nameKey, named);
        }
        packedNames.put(packed, named);
        return named;
    }

    /** The id of a kind of message named under {@code genl}, a new one the first time. */
    int of(Statistics.TypeKey key, String genl) {
        Integer id = ids.get(key);
        if (id == null || !Objects.equals(genlOfId.get(id), genl)) {
            id = keys.size();
            keys.add(key);
            genlOfId.add(genl);
            ids.putIfAbsent(key, id);
        }
        return id;
    }

    /** The errno name of an error row ("EEXIST"), decoded once per error code. */
    String errno(CaptureStore store, int row) {
        int code = store.index().errorCode(row);
        String name = errnoNames.get(code);
        if (name == null) {
            name = errnoName(store.message(row));
            errnoNames.put(code, name);
        }
        return name;
    }

    static String errnoName(DecodedMessage m) {
        if (m == null || m.error() == null) {
            return "errno ?";
        }
        return m.error().name() != null ? m.error().name() : "errno " + (-m.error().code());
    }

    private static long packed(int family, int type, int command, Direction direction, boolean request) {
        return (family + 1L & 0x1ff) | (type & 0xffffL) << 9 | (command & 0xffL) << 25
                | (long) direction.ordinal() << 33 | (request ? 1L << 40 : 0);
    }
}
