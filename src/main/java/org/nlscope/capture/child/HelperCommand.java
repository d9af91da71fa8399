package org.nlscope.capture.child;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nlscope.capture.CaptureOptions;
import org.nlscope.capture.CaptureRequest;
import org.nlscope.capture.linux.HelperPrivileges;

/**
 * The command line of the capture helper ({@code nlscope capture --helper ...}) for a request:
 * the installed package's helper, or this same nlscope (this JVM, this class path).
 */
public final class HelperCommand {
    /** Set by the package's launcher: the path of its capture helper. */
    public static final String HELPER_PROPERTY = "nlscope.helper";

    private HelperCommand() {
    }

    /**
     * The helper for the request, or null when this JVM cannot name itself.
     *
     * @param narrowed start it under setpriv, narrowing root to the two capabilities before its
     *                 JVM exists (needs root, so only for an elevated helper)
     */
    static List<String> of(CaptureRequest request, boolean narrowed) {
        List<String> command = new ArrayList<>();
        // the installed package names its helper, the one program its polkit policy lets pkexec run
        String helper = System.getProperty(HELPER_PROPERTY);
        if (helper != null && Files.isExecutable(Path.of(helper))) {
            command.add(helper);
        } else {
            String java = ProcessHandle.current().info().command().orElse(null);
            String classPath = System.getProperty("java.class.path");
            if (java == null || classPath == null || classPath.isBlank()) {
                return null;
            }
            if (narrowed && Elevation.onPath("setpriv")) {
                command.addAll(HelperPrivileges.WHOLE_PROCESS);
            }
            command.addAll(List.of(java, "-cp", classPath, "org.nlscope.cli.Main", "capture", "--helper"));
        }
        command.addAll(arguments(request));
        return command;
    }

    /** The request as the helper's options: only those that differ from its defaults. */
    public static List<String> arguments(CaptureRequest request) {
        List<String> args = new ArrayList<>();
        CaptureOptions o = request.options();
        if (o.interfaceName() != null) {
            args.addAll(List.of("-i", o.interfaceName()));
        }
        if (o.netns() != null) {
            args.add("--netns=" + o.netns());
        }
        if (!o.families().isEmpty()) {
            args.add("--family=" + String.join(",", o.families().stream().sorted().map(String::valueOf).toList()));
        }
        if (o.ringMegabytes() != CaptureOptions.DEFAULT_RING_MB) {
            args.add("--ring-mb=" + o.ringMegabytes());
        }
        for (int pid : request.pids()) {
            args.add("--pid=" + pid);
        }
        for (String name : request.processNames()) {
            args.add("--process=" + name); // "=": a name may start with "-"
        }
        return args;
    }
}
