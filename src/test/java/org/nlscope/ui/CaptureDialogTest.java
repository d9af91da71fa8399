package org.nlscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nlscope.ui.Fx.await;
import static org.nlscope.ui.Fx.fx;
import static org.nlscope.ui.Fx.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nlscope.capture.CaptureException;
import org.nlscope.capture.CaptureRequest;
import org.nlscope.capture.child.HelperCommand;
import org.nlscope.session.CaptureSession;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Capture > Options: the network namespace and the processes chosen in the dialog are the
 * privileged helper's --netns, --pid and --process, and the next Start keeps them.
 */
@ExtendWith(ApplicationExtension.class)
class CaptureDialogTest {

    @TempDir
    Path tmp;
    private final List<CaptureRequest> requests = new CopyOnWriteArrayList<>();
    private MainWindow window;
    private Stage stage;

    /** Records what it was asked to capture; captures nothing. */
    private final CaptureLauncher recording = new CaptureLauncher() {
        @Override
        public Running start(CaptureRequest request, CaptureSession session, Consumer<String> onEnd) {
            requests.add(request);
            return new Running() {
                @Override
                public void stop() {
                }

                @Override
                public String how() {
                    return "through a test";
                }
            };
        }

        @Override
        public CaptureException check() {
            return null;
        }
    };

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        RecentFiles recent = new RecentFiles(Files.createTempDirectory("nlscope-capdlg").resolve("recent-files"));
        MainViewModel vm = new MainViewModel(MainWindowTest.DECODING, recent, TaskRunner.fx(), recording);
        vm.setAutosaveDirectory(Files.createTempDirectory("nlscope-capdlg-autosave"));
        window = new MainWindow(stage, vm, recent);
        stage.show();
    }

    @Test
    void theDialogsChoicesAreTheHelpersArguments() {
        CaptureDialog d = fx(() -> {
            CaptureDialog dialog = new CaptureDialog(stage, window.viewModel().live().lastChoices(), List.of("blue", "red"));
            dialog.show(window.viewModel().live()::start);
            return dialog;
        });
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<String> netns = (ComboBox<String>) fx(() -> d.dialog().getDialogPane().lookup("#netnsChoice"));
        TextField processes = (TextField) fx(() -> d.dialog().getDialogPane().lookup("#processesField"));
        Button startButton = (Button) fx(() -> d.dialog().getDialogPane().lookup("#captureStart"));
        assertEquals(List.of("blue", "red"), fx(() -> List.copyOf(netns.getItems())), "the names under /run/netns");

        // a word that is no process: said under the fields, the dialog stays, nothing starts
        run(() -> processes.setText("0"));
        run(startButton::fire);
        assertTrue(fx(() -> d.dialog().isShowing()));
        assertEquals("'0' is not a process id",
                fx(() -> ((Label) d.dialog().getDialogPane().lookup("#captureProblem")).getText()));
        assertTrue(requests.isEmpty());

        run(() -> netns.getSelectionModel().select("blue"));
        run(() -> processes.setText("1234 NetworkManager, ip 1234"));
        run(startButton::fire);
        await("the capture to start", () -> requests.size() == 1);
        assertEquals(List.of("--netns=blue", "--pid=1234", "--process=NetworkManager", "--process=ip"),
                HelperCommand.arguments(requests.get(0)), "the child's command line");
        await("the status to say so", () -> window.viewModel().activityProperty().get()
                .equals("Capturing through a test in netns blue, only pid 1234, NetworkManager, ip"));

        // Start (Ctrl+E) again: the same choices, and the dialog shows them
        run(() -> window.stop());
        run(() -> window.startCapture());
        await("the second start", () -> requests.size() == 2);
        assertEquals(HelperCommand.arguments(requests.get(0)), HelperCommand.arguments(requests.get(1)));
        run(() -> window.stop());
        CaptureDialog again = fx(() -> new CaptureDialog(stage, window.viewModel().live().lastChoices(), List.of()));
        assertEquals("blue", fx(() -> ((ComboBox<?>) again.dialog().getDialogPane().lookup("#netnsChoice")).getEditor().getText()));
        assertEquals("1234 NetworkManager ip",
                fx(() -> ((TextField) again.dialog().getDialogPane().lookup("#processesField")).getText()));
    }

    @Test
    void aPathOrPidNamespaceAndNoChoiceAtAll() {
        assertEquals(List.of("--netns=/proc/77/ns/net"), HelperCommand.arguments(CaptureChoices.parse(" /proc/77/ns/net ", "").toRequest()));
        assertEquals(List.of(), HelperCommand.arguments(CaptureChoices.parse("", "  ").toRequest()), "everything here: the defaults");
        assertNull(CaptureChoices.parse("", "").netns());
        assertEquals("'averyveryverylongname' is longer than a process name can be (15 characters)",
                assertThrows(IllegalArgumentException.class, () -> CaptureChoices.parse(null, "averyveryverylongname")).getMessage());
        assertEquals("'99999999999' is not a process id",
                assertThrows(IllegalArgumentException.class, () -> CaptureChoices.parse(null, "99999999999")).getMessage());
    }

    @Test
    void theNamespacesAreThoseIpNetnsAddMade() throws Exception {
        Files.createFile(tmp.resolve("red"));
        Files.createFile(tmp.resolve("blue"));
        assertEquals(List.of("blue", "red"), CaptureChoices.namespaces(tmp));
        assertEquals(List.of(), CaptureChoices.namespaces(tmp.resolve("missing")));
    }
}
