package org.nlscope.session.filter;

import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.ProcessInfo;
import org.nlscope.session.MessageRow;

/**
 * What a filter looks at: one message and the facts of its frame.
 *
 * @param frame   the decoded frame
 * @param message the message, or null for a frame that held none
 * @param process the process behind the message's port id, or null
 * @param kind    the message's role
 */
record Subject(DecodedFrame frame, DecodedMessage message, ProcessInfo process, MessageRow.Kind kind) {
}
