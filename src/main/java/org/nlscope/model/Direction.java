package org.nlscope.model;

/** Which way a netlink message travelled. */
public enum Direction {
    TO_KERNEL("to_kernel"),
    FROM_KERNEL("from_kernel"),
    UNKNOWN("unknown");

    private final String jsonName;

    Direction(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name used in JSON output: to_kernel, from_kernel, unknown. */
    public String jsonName() {
        return jsonName;
    }
}
