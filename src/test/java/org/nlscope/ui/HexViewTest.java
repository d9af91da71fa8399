package org.nlscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class HexViewTest {
    private HexView hex;
    private final AtomicInteger clicked = new AtomicInteger(-1);

    @Start
    void start(Stage stage) {
        hex = new HexView();
        byte[] data = new byte[2000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        hex.setData(data);
        hex.setOnByteClicked(clicked::set);
        stage.setScene(new Scene(hex, 640, 240));
        stage.show();
    }

    @Test
    void clickingAByteReportsItsOffsetEvenAfterScrolling(FxRobot robot) {
        for (int offset : new int[] {0, 17, 255, 1999}) {
            Point2D screen = WaitForAsyncUtils.waitForAsyncFx(5000, () -> hex.localToScreen(hex.byteCenter(offset)));
            robot.clickOn(screen);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(offset, clicked.get(), "clicked byte at " + screen);
        }
    }

    @Test
    void highlightIsKeptAndDataResetsIt(FxRobot robot) {
        robot.interact(() -> hex.highlight(1500, 8));
        assertEquals(1500, hex.getHighlightStart());
        assertEquals(8, hex.getHighlightLength());
        robot.interact(() -> hex.setData(new byte[] {1, 2, 3}));
        assertEquals(-1, hex.getHighlightStart());
    }
}
