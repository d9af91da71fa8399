package org.nlscope.session.export;

import java.util.ArrayList;
import java.util.List;

/** Builds the {@link DetailNode}s of what {@link DetailTree} walks, for the desktop app. */
final class TreeNodes extends TreeSink {

    /** A node whose children are still coming. */
    private static final class Open {
        final String label;
        final int offset;
        final int length;
        final List<DetailNode> children = new ArrayList<>(4);

        Open(String label, int offset, int length) {
            this.label = label;
            this.offset = offset;
            this.length = length;
        }
    }

    private final List<Open> stack = new ArrayList<>();
    private DetailNode root;

    @Override
    void open(int offset, int length) {
        stack.add(new Open(label().toString(), offset, length));
        label().setLength(0);
    }

    @Override
    void close() {
        Open o = stack.remove(stack.size() - 1);
        DetailNode node = o.offset == SPAN ? span(o) : new DetailNode(o.label, o.offset, o.length, o.children);
        if (stack.isEmpty()) {
            root = node;
        } else {
            stack.get(stack.size() - 1).children.add(node);
        }
    }

    /** The node closed last at the top: the whole tree. */
    DetailNode root() {
        return root;
    }

    /** A grouping node covering its children's bytes. */
    private static DetailNode span(Open o) {
        int start = Integer.MAX_VALUE;
        int end = -1;
        for (DetailNode c : o.children) {
            if (c.coversBytes()) {
                start = Math.min(start, c.offset());
                end = Math.max(end, c.offset() + c.length());
            }
        }
        return end < 0 ? new DetailNode(o.label, -1, 0, o.children)
                : new DetailNode(o.label, start, end - start, o.children);
    }
}
