package org.nlscope.ui;

import java.util.IdentityHashMap;
import java.util.Map;
import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import org.nlscope.model.DecodedFrame;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.MessageRow;
import org.nlscope.session.export.DetailNode;
import org.nlscope.session.export.DetailTree;

/**
 * The detail tree of one frame beside its bytes, linked both ways: selecting a node
 * highlights its bytes; clicking a byte selects the deepest node covering it.
 */
public final class DetailPane extends SplitPane {

    private final TreeView<DetailNode> tree = new TreeView<>();
    private final HexView hex = new HexView();
    private final Map<DetailNode, TreeItem<DetailNode>> items = new IdentityHashMap<>();
    private DetailNode root;

    public DetailPane() {
        getStyleClass().add("detail-pane");
        setOrientation(Orientation.HORIZONTAL);
        tree.setId("detailTree");
        hex.setId("hexView");
        tree.setShowRoot(true);
        tree.setCellFactory(view -> new javafx.scene.control.TreeCell<>() {
            @Override
            protected void updateItem(DetailNode node, boolean empty) {
                super.updateItem(node, empty);
                setText(empty || node == null ? null : node.label());
                getStyleClass().remove("problem");
                if (!empty && node != null && node.label().startsWith("Problem")) {
                    getStyleClass().add("problem");
                }
            }
        });
        tree.getSelectionModel().selectedItemProperty().addListener((o, was, item) -> {
            DetailNode node = item == null ? null : item.getValue();
            if (node != null && node.coversBytes()) {
                hex.highlight(node.offset(), node.length());
            } else {
                hex.highlight(-1, 0);
            }
        });
        hex.setOnByteClicked(this::selectByte);
        getItems().addAll(tree, hex);
        setDividerPositions(0.55);
    }

    /**
     * Shows a frame's tree and bytes, with one node (a message) expanded and selected.
     *
     * @param frameRoot the frame's tree, or null to clear
     * @param bytes     the frame's bytes
     * @param focus     the node to select, or null
     */
    public void show(DetailNode frameRoot, byte[] bytes, DetailNode focus) {
        items.clear();
        root = frameRoot;
        hex.setData(bytes);
        if (frameRoot == null) {
            tree.setRoot(null);
            return;
        }
        TreeItem<DetailNode> rootItem = item(frameRoot);
        rootItem.setExpanded(true);
        tree.setRoot(rootItem);
        if (focus != null && items.containsKey(focus)) {
            TreeItem<DetailNode> f = items.get(focus);
            f.setExpanded(true);
            // open the message's parts but its nlmsghdr, which rarely matters
            for (int i = 1; i < f.getChildren().size(); i++) {
                f.getChildren().get(i).setExpanded(true);
            }
            select(f);
        }
    }

    /** Shows the frame of a message row, with the message's node expanded and selected. */
    public void showMessage(CaptureStore store, MessageRow row) {
        DecodedFrame df = store.decoded(row.frameNumber());
        DetailNode frameRoot = new DetailTree(port -> Ports.owner(store, row.frameNumber(), port)).build(df);
        show(frameRoot, df.frame().data(), messageNode(frameRoot, df, row.messageIndex()));
    }

    /** The message's node in the frame tree: the child covering its nlmsghdr offset. */
    private static DetailNode messageNode(DetailNode frameRoot, DecodedFrame df, int messageIndex) {
        if (messageIndex < 0 || messageIndex >= df.messages().size()) {
            return null;
        }
        int offset = df.messages().get(messageIndex).offset();
        for (DetailNode child : frameRoot.children()) {
            if (child.coversBytes() && child.offset() == offset) {
                return child;
            }
        }
        return null;
    }

    /** Selects the deepest node whose bytes hold this offset; returns it, or null. */
    public DetailNode selectByte(int offset) {
        if (root == null) {
            return null;
        }
        DetailNode hit = smallestCovering(root, offset, null);
        if (hit != null) {
            select(items.get(hit));
        }
        return hit;
    }

    /**
     * The smallest node whose bytes hold the offset. Every branch is searched, not only those
     * whose parent covers it: an error's node spans its code, yet holds the echoed request.
     */
    static DetailNode smallestCovering(DetailNode node, int offset, DetailNode best) {
        if (node.coversBytes() && offset >= node.offset() && offset < node.offset() + node.length()
                && (best == null || node.length() <= best.length())) {
            best = node;
        }
        for (DetailNode child : node.children()) {
            best = smallestCovering(child, offset, best);
        }
        return best;
    }

    /** Selects a node of the shown tree (for "jump to the offending attribute"). */
    public void selectNode(DetailNode node) {
        select(items.get(node));
    }

    public DetailNode root() {
        return root;
    }

    public TreeView<DetailNode> tree() {
        return tree;
    }

    public HexView hex() {
        return hex;
    }

    /** The selected node, or null. */
    public DetailNode selected() {
        TreeItem<DetailNode> item = tree.getSelectionModel().getSelectedItem();
        return item == null ? null : item.getValue();
    }

    private void select(TreeItem<DetailNode> item) {
        if (item == null) {
            return;
        }
        for (TreeItem<DetailNode> p = item.getParent(); p != null; p = p.getParent()) {
            p.setExpanded(true);
        }
        tree.getSelectionModel().select(item);
        int row = tree.getRow(item);
        if (row >= 0) {
            tree.scrollTo(Math.max(0, row - 3));
        }
    }

    private TreeItem<DetailNode> item(DetailNode node) {
        TreeItem<DetailNode> item = new TreeItem<>(node);
        items.put(node, item);
        for (DetailNode child : node.children()) {
            item.getChildren().add(item(child));
        }
        return item;
    }
}
