package org.nlscope.decode.ynl;

import java.util.List;
import org.nlscope.decode.DissectorKey;
import org.nlscope.decode.spec.SpecFile;

/**
 * One YNL spec file, translated into a dissector file of the format.
 *
 * @param name        the spec's family name ("nl80211", "rt-link")
 * @param protocol    genetlink, genetlink-c, genetlink-legacy or netlink-raw
 * @param key         the netlink family (netlink-raw's protonum) or generic netlink family it decodes
 * @param file        the translation, named as the spec file is
 * @param mcastGroups the multicast groups the spec lists
 * @param warnings    the small inconsistencies it was loaded in spite of, each naming the file and the path
 */
public record YnlFamily(String name, String protocol, DissectorKey key, SpecFile file, List<String> mcastGroups,
                        List<String> warnings) {
    public YnlFamily {
        mcastGroups = List.copyOf(mcastGroups);
        warnings = List.copyOf(warnings);
    }

    /** How many message types (genl commands) it names, a request and its reply apart counted once each. */
    public int messageCount() {
        return file.spec().messages().size();
    }
}
