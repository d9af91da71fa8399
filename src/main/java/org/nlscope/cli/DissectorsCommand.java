package org.nlscope.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.Callable;
import org.nlscope.decode.Dissector;
import org.nlscope.decode.DissectorKey;
import org.nlscope.decode.DissectorProvider;
import org.nlscope.decode.DissectorRegistry;
import org.nlscope.decode.DissectorSources;
import org.nlscope.decode.NetlinkFamilies;
import org.nlscope.decode.spec.FamilyReport;
import org.nlscope.decode.spec.SpecDissectorProvider;
import org.nlscope.model.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code nlscope dissectors}: every family loaded, where it came from, how many messages it names, its warnings. */
@Command(name = "dissectors",
        description = {"Lists every family nlscope decodes: where its definition came from (built in, a kernel YNL "
                + "spec, a user's file), how many message types it names, and what was loaded with a warning.",
                "With --ynl DIR it lists every family of DIR's specs among them."})
final class DissectorsCommand implements Callable<Integer> {

    @Mixin
    private HelpOption help;

    @ParentCommand
    private Main main;

    @Override
    public Integer call() throws CliException, IOException {
        DissectorSources sources = main.dissectorSources();
        CaptureDecoding.checkDirectories(sources);
        List<DissectorProvider> providers = new ArrayList<>();
        ServiceLoader.load(DissectorProvider.class).forEach(providers::add);
        DissectorRegistry registry = DissectorRegistry.fromProviders(providers, sources);
        List<FamilyReport> reports = new ArrayList<>();
        for (DissectorProvider p : providers) {
            if (p instanceof SpecDissectorProvider spec) {
                reports.addAll(spec.reports(sources));
            }
        }
        Writer out = main.out();
        List<FamilyReport> families = new ArrayList<>(reports.stream().filter(r -> r.key() != null).toList());
        Set<DissectorKey> described = new HashSet<>();
        families.forEach(r -> described.add(r.key()));
        for (Dissector d : registry.all()) {
            if (!described.contains(d.key())) {
                families.add(new FamilyReport(d.key(), List.of("built in (Java: " + d.getClass().getSimpleName() + ")"),
                        -1, List.of()));
            }
        }
        families.sort(Comparator.comparing((FamilyReport r) -> r.key().isGenl() ? 1 : 0)
                .thenComparing(r -> label(r.key())));
        out.write(String.format("%-24s %8s  %s%n", "FAMILY", "MESSAGES", "FROM"));
        for (FamilyReport r : families) {
            String count = r.messages() < 0 ? "-" : String.valueOf(r.messages());
            out.write(String.format("%-24s %8s  %s%n", label(r.key()), count, sources(r.sources())));
            for (String w : r.warnings()) {
                out.write("    warning: " + TerminalText.escape(w) + "\n");
            }
        }
        for (FamilyReport r : reports) {
            if (r.key() == null) {
                for (String w : r.warnings()) {
                    out.write("system spec not used: " + TerminalText.escape(w) + "\n");
                }
            }
        }
        return Main.EXIT_OK;
    }

    /** "genl nl80211", "route (0)". */
    static String label(DissectorKey key) {
        if (key.isGenl()) {
            return "genl " + key.genlFamily();
        }
        String name = NetlinkFamilies.name(key.netlinkFamily());
        return (name == null ? "netlink" : name.substring("NETLINK_".length()).toLowerCase(Locale.ROOT))
                + " (" + key.netlinkFamily() + ")";
    }

    private static String sources(List<String> sources) {
        List<String> out = new ArrayList<>();
        for (String s : sources) {
            out.add(TerminalText.escape(s.startsWith("dissectors/") ? s + " (built in)" : s));
        }
        return String.join(", ", out);
    }
}
