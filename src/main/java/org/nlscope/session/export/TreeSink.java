package org.nlscope.session.export;

/**
 * Where {@link DetailTree} puts the tree, node by node, depth first: the caller fills
 * {@link #label()}, then opens the node; its children follow until it is closed.
 */
abstract class TreeSink {
    /** An offset for a grouping node that covers what its children cover ("Fixed header"). */
    static final int SPAN = -2;

    private final StringBuilder label = new StringBuilder(256);

    /** The label of the next node, empty; fill it, then {@link #open} (or {@link #leaf}, {@link #note}). */
    final StringBuilder label() {
        return label;
    }

    /**
     * Starts the node labelled {@link #label()} (which the sink then empties).
     *
     * @param offset first byte covered, -1 for none, {@link #SPAN} for its children's
     * @param length bytes covered
     */
    abstract void open(int offset, int length);

    /** Ends the node opened last. */
    abstract void close();

    final void leaf(int offset, int length) {
        open(offset, length);
        close();
    }

    /** A node that stands for no bytes. */
    final void note() {
        leaf(-1, 0);
    }
}
