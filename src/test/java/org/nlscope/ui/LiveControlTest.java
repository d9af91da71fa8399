package org.nlscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The banner a capture of some processes ends with: the summary {@code capture --process} prints, on one line. */
class LiveControlTest {

    @Test
    void theBannerSaysWhichPortsWereWhoseAndWhatWasLeftOut() {
        assertEquals("The capture kept port 372: pid 372 (genl), by port id = pid; 6 frames of other processes left out",
                LiveControl.keptText(List.of("port 372: pid 372 (genl), by port id = pid",
                        "6 frames of other processes left out")));
        assertEquals("The capture kept no port; 9 frames of other processes left out",
                LiveControl.keptText(List.of("9 frames of other processes left out")));
    }

    @Test
    void manyPortsAreCutAtFive() {
        List<String> summary = new ArrayList<>();
        for (int port = 1; port <= 8; port++) {
            summary.add("port " + port + ": pid " + port + " (ip), by port id = pid");
        }
        summary.add("0 frames of other processes left out");
        String text = LiveControl.keptText(summary);
        assertEquals("The capture kept port 1: pid 1 (ip), by port id = pid; port 2: pid 2 (ip), by port id = pid; "
                + "port 3: pid 3 (ip), by port id = pid; port 4: pid 4 (ip), by port id = pid; "
                + "port 5: pid 5 (ip), by port id = pid; and 3 more ports; 0 frames of other processes left out", text);
    }
}
