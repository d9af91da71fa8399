package org.nlscope.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * What a package installs beside the program, made from the same picocli commands the
 * program runs, so they cannot drift apart: {@code man} prints nlscope(1) in roff,
 * {@code bash} the bash completion script (zsh loads it through bashcompinit).
 * Used by scripts/package: {@code java -cp ... org.nlscope.cli.PackageFiles man > nlscope.1}.
 */
public final class PackageFiles {
    private PackageFiles() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        CommandLine cl = Main.commandLine(new Main());
        switch (args.length == 1 ? args[0] : "") {
            case "man" -> out.print(manPage(cl, Version.version()));
            case "bash" -> out.print(AutoComplete.bash("nlscope", cl));
            default -> {
                System.err.println("usage: PackageFiles man|bash");
                System.exit(Main.EXIT_USAGE);
            }
        }
    }

    /** nlscope(1): the synopsis and description of every command with its options and parameters. */
    static String manPage(CommandLine cl, String version) {
        StringBuilder r = new StringBuilder();
        CommandSpec top = cl.getCommandSpec();
        r.append(".TH NLSCOPE 1 \"\" \"nlscope ").append(escape(version)).append("\" \"User Commands\"\n");
        r.append(".SH NAME\nnlscope \\- ").append(escape(String.join(" ", top.usageMessage().description()))).append('\n');
        r.append(".SH SYNOPSIS\n");
        cl.getSubcommands().forEach((name, sub) -> {
            if (!"help".equals(name)) {
                r.append(".B nlscope ").append(name).append('\n').append(escape(synopsis(sub.getCommandSpec()))).append("\n.br\n");
            }
        });
        r.append(".SH DESCRIPTION\nWithout a command, nlscope opens the desktop app. ");
        r.append("Exit codes: 0 success, 1 bad usage, 2 a file that cannot be read or written.\n");
        options(r, top.options());
        r.append(".SH COMMANDS\n");
        cl.getSubcommands().forEach((name, sub) -> {
            CommandSpec spec = sub.getCommandSpec();
            r.append(".SS nlscope ").append(name).append('\n');
            for (String line : spec.usageMessage().description()) {
                r.append(escape(line)).append("\n.br\n");
            }
            for (PositionalParamSpec p : spec.positionalParameters()) {
                r.append(".TP\n.I ").append(escape(p.paramLabel())).append('\n')
                        .append(escape(String.join(" ", p.description()))).append('\n');
            }
            options(r, spec.options());
        });
        r.append(".SH FILES\n.TP\n.I ~/.config/nlscope/dissectors\nYour dissector files, which add to or replace the built-in ones.\n");
        r.append(".TP\n.I /usr/share/doc/linux\\-doc\\-*/Documentation/netlink/specs\n.PD 0\n.TP\n"
                + ".I /usr/src/linux*/Documentation/netlink/specs\n.TP\n"
                + ".I /lib/modules/$(uname \\-r)/build/Documentation/netlink/specs\n.PD\n"
                + "The kernel's YNL specs (plain or gzipped), newest kernel first: they override nlscope's built-in "
                + "definitions of their families, nlscope's own definitions "
                + "laid over them where they say more (summaries, displays, names). nlscope dissectors lists what came "
                + "from where.\n");
        r.append(".SH ENVIRONMENT\n.TP\n.B NLSCOPE_SYSTEM_YNL\n0 leaves the system's kernel specs unread "
                + "(the built-in definitions and \\-\\-ynl directories still apply).\n");
        r.append(".SH SEE ALSO\n.BR tcpdump (8),\n.BR tshark (1),\n.BR ip (8)\n");
        return r.toString();
    }

    private static String synopsis(CommandSpec spec) {
        StringBuilder s = new StringBuilder();
        for (OptionSpec o : spec.options()) {
            if (!o.hidden()) {
                s.append(" [").append(o.shortestName()).append(o.typeInfo().isBoolean() ? "" : " " + o.paramLabel()).append(']');
            }
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            s.append(' ').append(p.arity().min() == 0 ? "[" + p.paramLabel() + "]" : p.paramLabel());
        }
        return s.toString().trim();
    }

    private static void options(StringBuilder r, List<OptionSpec> options) {
        for (OptionSpec o : options) {
            if (o.hidden()) {
                continue;
            }
            r.append(".TP\n.B ").append(escape(String.join(", ", o.names())));
            if (!o.typeInfo().isBoolean()) {
                r.append(" \\fI").append(escape(o.paramLabel())).append("\\fR");
            }
            String text = String.join(" ", o.description())
                    .replace("${DEFAULT-VALUE}", String.valueOf(o.defaultValue()));
            r.append('\n').append(escape(text)).append('\n');
        }
    }

    /** roff: backslashes doubled, a leading dot or quote kept from being read as a request, dashes as minus signs. */
    static String escape(String text) {
        String t = text.replace("\\", "\\e").replace("-", "\\-");
        if (t.startsWith(".") || t.startsWith("'")) {
            t = "\\&" + t;
        }
        return t.replace("\n.", "\n\\&.");
    }
}
