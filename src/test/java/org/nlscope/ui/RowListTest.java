package org.nlscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.EngineDecoding;
import org.nlscope.session.io.FileLoader;

/** Where a store row is shown, in capture order (binary search) and sorted (an inverse built once), as rows come and go. */
class RowListTest {

    @Test
    void findsEveryStoreRowInCaptureOrderAndSorted() {
        CaptureStore store = CaptureStore.backedBy(EngineDecoding.load(List.of()), MainWindowTest.CAPTURE);
        FileLoader.load(MainWindowTest.CAPTURE, store);
        int n = store.size();
        RowList list = new RowList();
        list.setStore(store);
        // every third row, as a filter keeps them, in two batches
        List<Integer> kept = new ArrayList<>();
        for (int r = 0; r < n; r += 3) {
            kept.add(r);
        }
        int half = kept.size() / 2;
        list.append(ints(kept.subList(0, half)), half);
        list.append(ints(kept.subList(half, kept.size())), kept.size() - half);
        checkPositions(list, kept, n);

        Collections.shuffle(kept, new Random(3)); // a sort
        list.replace(ints(kept), kept.size());
        checkPositions(list, kept, n);

        int late = (n - 1) % 3 == 0 ? n - 2 : n - 1; // a row not kept yet, arriving after the sort, at the end
        kept.add(late);
        list.append(new int[] {late}, 1);
        checkPositions(list, kept, n);

        list.replace(new int[0], 0);
        assertEquals(-1, list.indexOfStoreRow(0));
    }

    private static void checkPositions(RowList list, List<Integer> shown, int storeRows) {
        assertEquals(shown.size(), list.size());
        for (int r = 0; r < storeRows; r++) {
            assertEquals(shown.indexOf(r), list.indexOfStoreRow(r), "store row " + r);
        }
        assertEquals(-1, list.indexOfStoreRow(storeRows + 5));
    }

    private static int[] ints(List<Integer> l) {
        return l.stream().mapToInt(Integer::intValue).toArray();
    }
}
