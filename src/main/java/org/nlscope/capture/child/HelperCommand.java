package org.nlscope.capture.child;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nlscope.capture.CaptureOptions;
import org.nlscope.capture.CaptureRequest;
import org.nlscope.capture.linux.CapturePriority;
import org.nlscope.capture.linux.HelperPrivileges;

/**
 * The command line of the capture helper ({@code nlscope capture --helper ...}) for a request:
 * the installed package's helper, or this same nlscope (this JVM, this class path).
 */
public final class HelperCommand {
    /** Set by the package's launcher: the path of its capture helper. */
    public static final String HELPER_PROPERTY = "nlscope.helper";
    /**
     * Set by scripts/nlscope for the desktop app: the JVM options of {@code nlscope capture}, one
     * per line (scripts/capture-jvm-options: a collector with short pauses, a small heap, the
     * class-data archive), which this JVM's helper runs with.
     */
    public static final String JVM_OPTIONS_PROPERTY = "nlscope.helper.jvm";

    private HelperCommand() {
    }

    /**
     * The helper for the request, to run as root, or null when this JVM cannot name itself.
     * This same nlscope's starts under nice (the capture's priority), setpriv, narrowing root
     * to the two capabilities before its JVM exists, and nsenter for another network namespace.
     */
    static List<String> of(CaptureRequest request) {
        List<String> command = new ArrayList<>();
        // the installed package names its helper, the one program its polkit policy lets pkexec run
        String helper = System.getProperty(HELPER_PROPERTY);
        if (helper != null && Files.isExecutable(Path.of(helper))) {
            command.add(helper);
            command.addAll(arguments(request));   // its script enters --netns, if the user may capture there
        } else {
            String java = ProcessHandle.current().info().command().orElse(null);
            String classPath = System.getProperty("java.class.path");
            if (java == null || classPath == null || classPath.isBlank()) {
                return null;
            }
            if (Elevation.onPath("nice")) {
                // its whole JVM at the capture's priority (collector threads too), set while it is root:
                // under setpriv it can no longer raise it itself
                command.addAll(List.of("nice", "-n", String.valueOf(CapturePriority.NICE)));
            }
            String netns = request.options().netns();
            if (netns != null) {
                // the helper holds no CAP_SYS_ADMIN to enter it; a user sudo lets run this JVM as root may enter any
                command.addAll(List.of("nsenter", "--net=" + namespacePath(netns), "--"));
            }
            if (Elevation.onPath("setpriv")) {
                command.addAll(HelperPrivileges.WHOLE_PROCESS);
            }
            command.add(java);
            command.addAll(jvmOptions(System.getProperty(JVM_OPTIONS_PROPERTY)));
            command.addAll(List.of("-cp", classPath, "org.nlscope.cli.Main", "capture", "--helper"));
            command.addAll(arguments(new CaptureRequest(request.options().withNetns(null), request.pids(),
                    request.processNames())));
        }
        return command;
    }

    /** The file of a {@code --netns} argument, as {@code capture --netns} reads it: PID, path, or name under /run/netns. */
    static String namespacePath(String netns) {
        if (netns.chars().allMatch(Character::isDigit)) {
            return "/proc/" + netns + "/ns/net";
        }
        return netns.contains("/") ? netns : "/run/netns/" + netns;
    }

    /** The options {@link #JVM_OPTIONS_PROPERTY} holds, one per line; none when it is not set. */
    static List<String> jvmOptions(String property) {
        return property == null ? List.of() : property.lines().map(String::strip).filter(o -> !o.isEmpty()).toList();
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
