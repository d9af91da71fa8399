/**
 * The pure layer under the desktop app and the command line: frames in, rows, filters,
 * transactions and statistics out. No JavaFX, no stdout.
 *
 * <h2>Shape of the API</h2>
 * <ul>
 *   <li>{@link org.nlscope.session.CaptureStore}: append-only frames of one capture.
 *       One writer thread calls {@code append(Frame)}; any thread reads
 *       {@code size()} (message rows), {@code rows(from, to)} ({@link org.nlscope.session.MessageRow}s),
 *       {@code decoded(frameNumber)}, {@code message(row)}, {@code frameOfRow(row)}, {@code rowOf(frame, msg)}.
 *       Frame numbers are 1-based, row indexes 0-based. A UI batcher polls {@code size()} (at most
 *       ~30 times a second) and asks for {@code rows(shown, size)}; nothing here calls back into a UI thread.
 *       {@code subscribe(Listener)} is for session-side consumers (transactions, statistics): the listener
 *       runs on the writer thread, is first told about every frame already stored, then about each new one.</li>
 *   <li>{@link org.nlscope.session.MessageRow}: one message, flattened for a table row, with a
 *       {@link org.nlscope.session.MessageRow.Kind} (request, reply, dump part, done, error, ack,
 *       notification, malformed) to colour it.</li>
 *   <li>{@link org.nlscope.session.FrameDecoding}: the seam to the decode engine (decode one frame with a
 *       context, learn the next context).</li>
 * </ul>
 */
package org.nlscope.session;
