package org.nlscope.ui;

import java.nio.file.Path;
import org.nlscope.session.replay.Replay;

/** The File menu's actions that ask where first: open, save as, replay, export (specified, selected), bug report. */
final class FileActions {

    private final MainViewModel vm;
    private final Dialogs dialogs;
    private final Export export;
    private final BugReportExport bugReport;
    private final ExportSpecified specified;

    FileActions(MainViewModel vm, Dialogs dialogs, Export export, BugReportExport bugReport, ExportSpecified specified) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.export = export;
        this.bugReport = bugReport;
        this.specified = specified;
    }

    ExportSpecified specified() {
        return specified;
    }

    Export export() {
        return export;
    }

    BugReportExport bugReport() {
        return bugReport;
    }

    void chooseAndOpen() {
        Path p = dialogs.openCapture("Open a capture", vm.saving().dialogFolder(false));
        if (p != null) {
            vm.open(p);
        }
    }

    void save() {
        vm.saving().save(this::saveAs);
    }

    void saveAs() {
        Path p = dialogs.saveCapture(vm.saving().dialogFolder(true), vm.saving().proposedName());
        if (p != null) {
            vm.saving().saveTo(p);
        }
    }

    void chooseAndReplay(Replay.Speed speed) {
        Path p = dialogs.openCapture("Replay a capture", vm.saving().dialogFolder(false));
        if (p != null) {
            vm.replays().replay(p, speed);
        }
    }

    void copySelected(boolean json) {
        export.copy(json);
    }

    void exportSelected(boolean json) {
        export.save(json);
    }

    void exportForBugReport() {
        bugReport.run(vm.session().store());
    }
}
