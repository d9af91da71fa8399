package org.nlscope.session;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nlscope.model.DecodedFrame;

/**
 * A store's last decoded frames, least recently used first out. Thread-safe under its own lock,
 * never held while a frame decodes.
 */
final class DecodedCache {
    private final Map<Integer, DecodedFrame> frames;

    DecodedCache(int capacity) {
        this.frames = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, DecodedFrame> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized DecodedFrame get(int number) {
        return frames.get(number);
    }

    synchronized void put(int number, DecodedFrame decoded) {
        frames.put(number, decoded);
    }

    synchronized int size() {
        return frames.size();
    }
}
