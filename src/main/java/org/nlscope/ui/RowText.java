package org.nlscope.ui;

import org.nlscope.model.Direction;
import org.nlscope.model.ProcessInfo;
import org.nlscope.session.MessageRow;

/** The table's texts of a row that are not its own fields: Info without the type, the direction, the port and its process. */
final class RowText {

    private RowText() {
    }

    /**
     * The summary without what the Type (and Family) columns already show: "RTM_NEWLINK dum0"
     * reads "dum0", "nlctrl CTRL_CMD_NEWFAMILY nl80211 id 28" reads "nl80211 id 28".
     */
    static String info(MessageRow r) {
        String info = r.info();
        String type = r.typeName();
        if (info == null || type == null || type.isEmpty()) {
            return info;
        }
        String family = r.familyName();
        if (family != null && info.startsWith(family + " " + type)) {
            info = info.substring(family.length() + 1);
        }
        if (info.equals(type)) {
            return "";
        }
        return info.startsWith(type + " ") ? info.substring(type.length() + 1) : info;
    }

    /** "→ kernel" or "← kernel", with a star when the direction was inferred. */
    static String direction(MessageRow r) {
        String text = r.direction() == Direction.TO_KERNEL ? "→ kernel"
                : r.direction() == Direction.FROM_KERNEL ? "← kernel" : "?";
        return r.directionInferred() ? text + "*" : text;
    }

    /**
     * The port id with its process's command name where the capture knew it: "220 (ip)",
     * "222 (ip, exited)", "0 (kernel)"; the pid is in the tree ("pid 220 (ip)").
     */
    static String port(long port, ProcessInfo p) {
        String id = Long.toString(port);
        if (p == null || p.portId() != 0 && p.pid() < 0 && !p.gone()) {
            return id;
        }
        if (p.portId() == 0) {
            return id + " (kernel)";
        }
        String who = p.pid() < 0 ? "" : p.name() != null ? p.name() : "pid " + p.pid();
        String gone = p.gone() ? (who.isEmpty() ? "exited" : ", exited") : "";
        return id + " (" + who + gone + ")";
    }
}
