package org.nlscope.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The man page and the completion the package installs name every command and option the program takes. */
class PackageFilesTest {

    @Test
    void manPageDescribesEveryCommandAndOption() {
        CommandLine cl = Main.commandLine(new Main());
        String man = PackageFiles.manPage(cl, "1.2.3");
        assertTrue(man.startsWith(".TH NLSCOPE 1 \"\" \"nlscope 1.2.3\""), man);
        List<String> missing = new ArrayList<>();
        cl.getSubcommands().forEach((name, sub) -> {
            if (!man.contains(".SS nlscope " + name + "\n")) {
                missing.add(name);
            }
            for (OptionSpec o : sub.getCommandSpec().options()) {
                if (!man.contains(".B " + PackageFiles.escape(String.join(", ", o.names())))) {
                    missing.add(name + " " + o.longestName());
                }
            }
        });
        assertTrue(missing.isEmpty(), "not in the man page: " + missing);
        assertTrue(man.contains("\\-\\-redact"), "dashes are roff minus signs");
    }

    @Test
    void bashCompletionOffersTheSubcommandsAndTheirOptions() {
        String bash = AutoComplete.bash("nlscope", Main.commandLine(new Main()));
        assertTrue(bash.contains("local commands=\"read convert stats dissectors capture gui help\""), bash);
        assertTrue(bash.contains("'--redact'") && bash.contains("'--show-secrets'"), "convert and read options");
        assertTrue(bash.contains("complete -F _complete_nlscope"), "the entry point packaging/_nlscope calls for zsh");
    }

    @Test
    void roffEscapesWhatWouldBeRequests() {
        assertTrue(PackageFiles.escape(".hidden").startsWith("\\&."));
        assertTrue(PackageFiles.escape("a\\b").equals("a\\eb"));
    }
}
