package org.nlscope.pcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.nlscope.model.Limits;

/** Item 4 of issue 12: section-header comments kept for a whole read stay within a limit, however many sections. */
class SectionCommentLimitTest {

    @Test
    void commentsOfManySectionsAreKeptOnlyUpToTheLimit() throws Exception {
        CaptureBytes file = new CaptureBytes(ByteOrder.LITTLE_ENDIAN);
        String comment = "c".repeat(60_000);
        int sections = 2 * Limits.MAX_SECTION_COMMENT_BYTES / comment.length();
        for (int i = 0; i < sections; i++) {
            file.shb(comment).idb(253);
        }
        try (CaptureReader r = Captures.open(file.toByteArray())) {
            assertEquals(0, Captures.readAll(r).size());
            long kept = r.sectionComments().stream().mapToLong(String::length).sum();
            assertTrue(kept <= Limits.MAX_SECTION_COMMENT_BYTES, kept + " bytes kept");
            assertEquals(Limits.MAX_SECTION_COMMENT_BYTES / comment.length(), r.sectionComments().size());
        }
    }
}
