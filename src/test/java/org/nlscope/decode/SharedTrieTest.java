package org.nlscope.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The structurally shared map behind DecodeContext agrees with an ordinary map, and old versions stay intact. */
class SharedTrieTest {

    @Test
    void agreesWithATreeMapAndKeepsEveryVersion() {
        Random random = new Random(12);
        SharedTrie<String> trie = SharedTrie.empty();
        TreeMap<Long, String> map = new TreeMap<>();
        List<SharedTrie<String>> versions = new ArrayList<>();
        List<Map<Long, String>> expected = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            long key = random.nextInt(4) == 0 ? random.nextInt(64) : random.nextLong() & 0xffffffffL;
            String value = "v" + random.nextInt(8);
            trie = trie.with(key, value);
            map.put(key, value);
            if (i % 1000 == 0) {
                versions.add(trie);
                expected.add(new TreeMap<>(map));
            }
        }
        assertEquals(map.size(), trie.size());
        assertEquals(map, new TreeMap<>(trie.toMap(k -> k)));
        for (int v = 0; v < versions.size(); v++) {
            assertEquals(expected.get(v), new TreeMap<>(versions.get(v).toMap(k -> k)), "version " + v);
        }
        assertNull(trie.get(-1));
        assertNull(trie.get(1L << 32));
        assertSame(trie, trie.with(map.firstKey(), map.firstEntry().getValue()), "no change, same instance");
    }
}
