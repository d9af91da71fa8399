/**
 * Live captures read from another process's pcapng stream: the privileged capture helper
 * ({@code nlscope capture --helper} through sudo or pkexec, as dumpcap is to Wireshark) and
 * any pipe ({@code nlscope gui -}). {@link org.nlscope.capture.child.LiveCaptures} chooses
 * between starting the helper (a plain child as root, else through sudo or pkexec) and, for a
 * user holding the capabilities without root, capturing in this process (a
 * {@link org.nlscope.capture.child.ScopedCapture} for some processes' traffic alone).
 */
package org.nlscope.capture.child;
