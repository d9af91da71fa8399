package org.nlscope.decode.ynl;

import java.util.Locale;

/**
 * How YNL derives the kernel's C names from the names in a spec (the rules of the
 * kernel's code generator): upper case, dashes as underscores, after a prefix that
 * defaults to the family and the object's name.
 */
final class YnlNames {
    private YnlNames() {
    }

    /** "link-attrs" becomes "LINK_ATTRS". */
    static String upper(String name) {
        return name.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** A struct member's C name: "ifi-family" becomes "ifi_family". */
    static String member(String name) {
        return name.replace('-', '_');
    }

    /** The default attribute prefix of a set: {family}-a-{set}- ("NETDEV_A_DEV_"). */
    static String attributePrefix(String family, String set) {
        return upper(family + "-a-" + set + "-");
    }

    /** The default value prefix of an enum or flags definition: {family}-{name}- ("NETDEV_XDP_ACT_"). */
    static String enumPrefix(String family, String definition) {
        return upper(family + "-" + definition + "-");
    }

    /** The default command prefix: {family}-cmd- ("WG_CMD_" is given by the spec; "NETDEV_CMD_" is this). */
    static String operationPrefix(String family) {
        return upper(family + "-cmd-");
    }
}
