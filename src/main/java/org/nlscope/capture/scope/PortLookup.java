package org.nlscope.capture.scope;

/** What is known now about who holds a port; asked again later while the answer is null. */
@FunctionalInterface
public interface PortLookup {
    /** The owner of port, in scope or not, or null when it is not known (yet). */
    PortOwner lookup(long port);
}
