/**
 * Live captures read from another process's pcapng stream: the privileged capture helper
 * ({@code nlscope capture --helper} through sudo or pkexec, as dumpcap is to Wireshark) and
 * any pipe ({@code nlscope gui -}). {@link org.nlscope.capture.child.LiveCaptures} chooses
 * between capturing in this process (a {@link org.nlscope.capture.child.ScopedCapture} for some
 * processes' traffic alone) and starting the helper.
 */
package org.nlscope.capture.child;
