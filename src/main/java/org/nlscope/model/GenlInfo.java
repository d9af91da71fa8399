package org.nlscope.model;

/**
 * The generic netlink header of a message (struct genlmsghdr) and what the family id means.
 *
 * @param familyId nlmsg_type: the family's dynamic id
 * @param family   the family's name ("nl80211"), or null when this capture never named it
 * @param cmd      genlmsghdr.cmd
 * @param cmdName  the command's kernel name (CTRL_CMD_GETFAMILY), or null
 * @param version  genlmsghdr.version
 */
public record GenlInfo(int familyId, String family, int cmd, String cmdName, int version) {
}
