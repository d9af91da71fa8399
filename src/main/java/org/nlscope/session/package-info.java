/**
 * The pure layer under the desktop app and the command line: frames in, rows, filters,
 * transactions and statistics out. No JavaFX, no stdout.
 *
 * <h2>Shape of the API</h2>
 * <ul>
 *   <li>{@link org.nlscope.session.CaptureSession}: what the app holds per capture: a store, its
 *       {@code transactions()} and {@code statistics()}, the file, unsaved state and autosave.
 *       {@code open(file, decoding, onDone)} loads in the background (first rows at once);
 *       {@code live(decoding, Recovery.autosaveDirectory())} plus {@code sinkFor(captureSource)} for a live
 *       capture; {@code empty(decoding)} for a replay's target. {@code save(path)},
 *       {@code hasUnsavedData()}, {@code discard()}, {@code close()}.</li>
 *   <li>{@link org.nlscope.session.CaptureStore}: append-only frames of one capture, indexed, not decoded:
 *       appending a frame keeps its cooked header and nlmsghdr fields in primitive columns (and, for a
 *       store {@code backedBy(decoding, file)}, only the frame's offset in the file); rows, trees and hex
 *       are decoded on demand, a small LRU cache of decoded frames behind them.
 *       One writer thread calls {@code append(Frame)} or {@code append(Frame, fileOffset)}; any thread reads
 *       {@code size()} (message rows), {@code rows(from, to)} ({@link org.nlscope.session.MessageRow}s),
 *       {@code decoded(frameNumber)}, {@code message(row)}, {@code frameOfRow(row)}, {@code rowOf(frame, msg)},
 *       and {@code index()} ({@link org.nlscope.session.StoreIndex}: times, families, headers, roles, no decode).
 *       Frame numbers are 1-based, row indexes 0-based. Nothing here calls back into a UI thread.
 *       {@code subscribe(Listener)} is for consumers (transactions, statistics, autosave, the table's model):
 *       the listener runs on the writer thread, is first told about every frame already stored, then
 *       about each new one, by number; it reads what it needs from the index.</li>
 *   <li>{@link org.nlscope.session.RowOrder}: a sort of rows by a table column, as a permutation of row
 *       indexes (numbers from the index; names decoded once per kind of message; Info decodes each row).</li>
 *   <li>{@link org.nlscope.session.MessageRow}: one message, flattened for a table row, with a
 *       {@link org.nlscope.session.MessageRow.Kind} (request, reply, dump part, done, error, ack,
 *       notification, malformed) to colour it.</li>
 *   <li>{@link org.nlscope.session.filter.DisplayFilter}: {@code parse(text)} (throws
 *       {@link org.nlscope.session.filter.FilterSyntaxException} with a column, for live feedback),
 *       {@code matches(store, row)}, {@code matchingRows(store, from, to)} for a background scan.</li>
 *   <li>{@link org.nlscope.session.transactions.Transactions}: {@code ofRow(row)}, {@code requestRowOf(row)},
 *       {@code responseRowOf(row)} ("go to request / response"), {@code offender(errorRow)} (extended ACK
 *       resolved against the request).</li>
 *   <li>{@link org.nlscope.session.stats.Statistics}: {@code snapshot()} with totals, per family / type / errno /
 *       kind, and per-second buckets for a chart.</li>
 *   <li>{@link org.nlscope.session.replay.Replay}: {@code start(source, target, speed)}, {@code pause()},
 *       {@code resume()}, {@code stop()}, {@code setSpeed()}, {@code done()}.</li>
 *   <li>{@link org.nlscope.session.io}: {@code FileLoader}, {@code CaptureSaver}, {@code Autosave},
 *       {@code Recovery.find()} for leftovers of a crashed run.</li>
 *   <li>{@link org.nlscope.session.FrameStream}: a capture's frames in order, each decoded (or, for the store,
 *       only learnt from) with the context the frames and metadata before it taught; the one place that
 *       carries the context from frame to frame.</li>
 *   <li>{@link org.nlscope.session.FrameDecoding}: the seam to the decode engine;
 *       {@link org.nlscope.session.EngineDecoding#load(java.util.List)} is the real one.</li>
 * </ul>
 */
package org.nlscope.session;
