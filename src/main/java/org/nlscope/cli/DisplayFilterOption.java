package org.nlscope.cli;

import org.nlscope.decode.DecodeContext;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.session.filter.DisplayFilter;
import org.nlscope.session.filter.FilterSyntaxException;
import picocli.CommandLine.Option;

/** {@code -Y FILTER}: the desktop app's display filter, for read, stats, convert and capture. */
final class DisplayFilterOption {
    @Option(names = "-Y", paramLabel = "FILTER",
            description = "Only messages that pass this display filter, in the desktop app's language: "
                    + "'type == RTM_NEWLINK and IFLA_MTU > 1400', 'error', 'errno == EEXIST', '\"dum0\"'.")
    String text;

    private DisplayFilter parsed;

    /** The filter; a bad one is a usage error naming the column. */
    DisplayFilter filter() throws CliException {
        if (parsed == null) {
            try {
                parsed = DisplayFilter.parse(text);
            } catch (FilterSyntaxException e) {
                throw new CliException("-Y '" + text + "': " + e.getMessage(), Main.EXIT_USAGE);
            }
        }
        return parsed;
    }

    /** Whether any message of the frame passes (a frame without one is tested as such). */
    static boolean anyMatch(DisplayFilter filter, DecodedFrame frame, DecodeContext context) {
        if (filter.isAll()) {
            return true;
        }
        if (frame.messages().isEmpty()) {
            return filter.matches(frame, null, context);
        }
        for (DecodedMessage m : frame.messages()) {
            if (filter.matches(frame, m, context)) {
                return true;
            }
        }
        return false;
    }
}
