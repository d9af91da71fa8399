package org.nlscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nlscope.pcap.CaptureReader;
import org.nlscope.session.EngineDecoding;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File > Export for Bug Report on the real WireGuard capture: the saved copy has no private key. */
@ExtendWith(ApplicationExtension.class)
class BugReportExportTest {
    static final Path CAPTURE = Path.of("src/test/resources/captures/genl.pcapng");
    static final byte[] WG_KEY = Base64.getDecoder().decode("yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=");

    @TempDir
    Path tmp;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = new MainWindow(stage, EngineDecoding.load(List.of()),
                new RecentFiles(Files.createTempDirectory("nlscope-recent").resolve("recent-files")));
        stage.show();
    }

    private static <T> T fx(Callable<T> c) {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, c);
    }

    @Test
    void theMenuSavesACopyWithoutTheKeyThatDecodesToTheSameMessages(FxRobot robot) throws Exception {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        assertTrue(bar.getMenus().get(0).getItems().stream().map(MenuItem::getText)
                .anyMatch("Export for _Bug Report…"::equals), "File menu lists Export for Bug Report");
        fx(() -> {
            window.open(CAPTURE);
            return null;
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> !window.isBusy() && window.store().frameCount() > 0));
        int frames = fx(() -> window.store().frameCount());
        Path out = tmp.resolve("bug.pcapng");
        fx(() -> {
            window.bugReport().save(window.store(), out, false);
            return null;
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> fx(() -> window.status().activityText().startsWith("Exported")));
        assertTrue(fx(() -> window.status().activityText()).contains("5 secrets redacted"),
                fx(() -> window.status().activityText()));
        byte[] saved = Files.readAllBytes(out);
        assertTrue(saved.length > 0);
        assertTrue(!contains(saved, WG_KEY), "the private key is still in the export");
        assertTrue(contains(Files.readAllBytes(CAPTURE), WG_KEY), "the recording holds the key");
        try (CaptureReader r = CaptureReader.open(out)) {
            int n = 0;
            while (r.next() != null) {
                n++;
            }
            assertEquals(frames, n);
        }
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        return java.util.HexFormat.of().formatHex(hay).contains(java.util.HexFormat.of().formatHex(needle));
    }
}
