package org.nlscope.session.redact;

/**
 * Bytes of a frame to rewrite, and what they are.
 *
 * @param name   the attribute's kernel name (WGDEVICE_A_PRIVATE_KEY, XFRMA_ALG_CRYPT)
 * @param offset where the bytes start, from the frame's start
 * @param length how many bytes
 */
record Span(String name, int offset, int length) {
}
