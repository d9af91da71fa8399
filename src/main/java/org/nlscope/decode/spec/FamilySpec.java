package org.nlscope.decode.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One dissector file as written (docs/dissector-format.md), before it is checked
 * against the other files of its family. Keys are kebab-case in the file
 * ({@code genl-family}, {@code nested-attributes}); unknown keys are load errors.
 *
 * @param family        netlink family name (route, generic...) or number; may be absent with genlFamily
 * @param genlFamily    a generic netlink family by name
 * @param fixedHeader   genl only: a struct every message carries after the genlmsghdr
 */
public record FamilySpec(String family, String genlFamily, String doc, String fixedHeader,
                         List<Definition> definitions, List<AttributeSet> attributeSets,
                         List<SubMessage> subMessages, List<Message> messages) {

    public FamilySpec {
        definitions = orEmpty(definitions);
        attributeSets = orEmpty(attributeSets);
        subMessages = orEmpty(subMessages);
        messages = orEmpty(messages);
    }

    /** An enum, flags or struct definition; {@code open}: an enum whose other values are plain numbers (route table ids). */
    public record Definition(String name, String type, String doc, Long valueStart, String namePrefix,
                             List<Entry> entries, List<Member> members, Boolean open) {
        public Definition {
            entries = orEmpty(entries);
            members = orEmpty(members);
        }
    }

    /** An enum or flags entry: a bare name in the file, or {name, value}. */
    public record Entry(String name, Long value, String doc) {
        @JsonCreator
        public static Entry bare(String name) {
            return new Entry(name, null, null);
        }
    }

    /** A struct member: integers, pad, or fixed-size binary/string ({@code len}). */
    public record Member(String name, String type, Integer len, String byteOrder, @JsonProperty("enum") String en, String display,
                         String struct, String doc) {
    }

    /** A named list of attributes. */
    public record AttributeSet(String name, String doc, List<Attribute> attributes) {
        public AttributeSet {
            attributes = orEmpty(attributes);
        }
    }

    /**
     * One attribute; {@code value} may be left out (previous + 1, the first is 1).
     * {@code levels} is for an indexed-array nested in indexed-arrays (nlctrl's policy table).
     * {@code secret} marks key material that redaction replaces with zeros.
     */
    public record Attribute(String name, Integer value, String type, String nestedAttributes, String subType,
                            String subMessage, String selector, @JsonProperty("enum") String en, String display, String byteOrder,
                            String struct, Boolean repeat, String decoder, Integer levels, Boolean secret, String doc) {

        /** This attribute with its type number resolved. */
        Attribute withValue(int resolved) {
            return new Attribute(name, resolved, type, nestedAttributes, subType, subMessage, selector, en, display,
                    byteOrder, struct, repeat, decoder, levels, secret, doc);
        }

        boolean isSecret() {
            return Boolean.TRUE.equals(secret);
        }

        /**
         * How an entry of this indexed-array decodes: the next index level while levels
         * remain, else one value of the sub-type; named by its index ("[3]").
         */
        Attribute entry(int index) {
            int left = levels == null ? 1 : levels;
            return left > 1
                    ? new Attribute("[" + index + "]", index, type, nestedAttributes, subType, null, null, en, display,
                            byteOrder, struct, null, null, left - 1, secret, null)
                    : new Attribute("[" + index + "]", index, subType, nestedAttributes, null, null, null, en, display,
                            byteOrder, struct, null, null, null, secret, null);
        }
    }

    /** Attribute sets (or structs) chosen by a selector's value. */
    public record SubMessage(String name, String doc, List<Format> formats) {
        public SubMessage {
            formats = orEmpty(formats);
        }
    }

    /**
     * One choice of a sub-message: a struct, then attributes, either may be absent; or a
     * {@code type}, one value of a scalar type (a value typed by its sibling: team's
     * TEAM_ATTR_OPTION_DATA by TEAM_ATTR_OPTION_TYPE).
     */
    public record Format(String value, String struct, String attributeSet, String type, String doc) {
    }

    /**
     * A message type (or genl cmd) with its fixed header and attributes. {@code direction}
     * ({@code request} or {@code reply}) limits it to messages with NLM_F_REQUEST set or clear,
     * for families whose requests and replies count their ids separately (YNL's
     * {@code enum-model: directional}, ethtool); left out, it is both.
     */
    public record Message(String name, Integer value, String kind, String header, String attributeSet,
                          String replyAttributeSet, String summary, String direction, String doc) {
        boolean forRequests() {
            return direction == null || "request".equals(direction);
        }

        boolean forReplies() {
            return direction == null || "reply".equals(direction);
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        // nulls stay (an empty "- " item in YAML) so the validator can name their place
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
