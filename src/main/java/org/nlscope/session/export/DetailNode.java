package org.nlscope.session.export;

import java.util.List;
import org.nlscope.model.TerminalText;

/**
 * One line of the detail tree: what it says and which bytes of the frame it covers,
 * so a hex view can highlight them.
 *
 * @param label    the text shown ("IFLA_MTU (4): 1400")
 * @param offset   first byte covered, from the frame's start, or -1 when the line stands for no bytes
 * @param length   bytes covered (0 when offset is -1)
 * @param children the lines under this one
 */
public record DetailNode(String label, int offset, int length, List<DetailNode> children) {

    public DetailNode {
        // one line each, on a terminal or in the desktop app: what the capture said stays text
        label = TerminalText.escape(label);
        children = children == null ? List.of() : List.copyOf(children);
    }

    public static DetailNode leaf(String label, int offset, int length) {
        return new DetailNode(label, offset, length, List.of());
    }

    /** A line that stands for no bytes (a remark, a derived fact). */
    public static DetailNode note(String label) {
        return new DetailNode(label, -1, 0, List.of());
    }

    public boolean coversBytes() {
        return offset >= 0;
    }

    /** The deepest node whose bytes contain this offset, this node included, or null. */
    public DetailNode nodeAt(int byteOffset) {
        if (coversBytes() && (byteOffset < offset || byteOffset >= offset + length)) {
            return null;
        }
        for (DetailNode child : children) {
            DetailNode hit = child.nodeAt(byteOffset);
            if (hit != null && hit.coversBytes()) {
                return hit;
            }
        }
        return coversBytes() ? this : null;
    }
}
