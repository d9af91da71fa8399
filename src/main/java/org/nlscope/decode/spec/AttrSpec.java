package org.nlscope.decode.spec;

import org.nlscope.decode.ByteView;
import org.nlscope.decode.NlAttr;
import org.nlscope.model.Field;

/**
 * An attribute as the interpreter reads it: one kind per way of decoding, with every name
 * the files use (enum, struct, attribute set, sub-message, value decoder) resolved when the
 * files are compiled ({@link FamilyModel}). The attribute's name is its set's
 * ({@link AttrSetSpec}), or its index for an indexed-array's entries.
 */
sealed interface AttrSpec {

    /** Decodes one attribute of this kind: each kind names the interpreter's method for it. */
    Field decode(AttributeDecoding d, String name, NlAttr a, ByteView payload, Siblings siblings, int depth,
                 boolean whole);

    /** u8 ... s64, uint, sint. */
    record Int(IntType type, boolean bigEndian, EnumDef en, Display display, IntRendering.Sizes renderings)
            implements AttrSpec {
        @Override
        public Field decode(AttributeDecoding d, String name, NlAttr a, ByteView p, Siblings s, int depth, boolean whole) {
            return d.integer(this, name, a, p, whole);
        }
    }

    /** A string, up to its first NUL. */
    record Text() implements AttrSpec {
        @Override
        public Field decode(AttributeDecoding d, String name, NlAttr a, ByteView p, Siblings s, int depth, boolean whole) {
            return d.string(name, a, p, whole);
        }
    }

    /** A flag: present means true, no payload. */
    record Flag() implements AttrSpec {
        @Override
        public Field decode(AttributeDecoding d, String name, NlAttr a, ByteView p, Siblings s, int depth, boolean whole) {
            return d.flag(name, a, p);
        }
    }

    /** Binary: hex, or shaped by its display (an address, a UUID...); display null for plain hex. */
    record Bytes(Display display) implements AttrSpec {
        @Override
        public Field decode(AttributeDecoding d, String name, NlAttr a, ByteView p, Siblings s, int depth, boolean whole) {
            return d.bytes(this, name, a, p, whole);
        }
    }

    /** Binary holding integers one after another (sub-type). */
    record IntArray(IntType type, boolean bigEndian, EnumDef en, Display display, IntRendering.Sizes renderings)
            implements AttrSpec {
        @Override
        public Field decode(AttributeDecoding d, String name, NlAttr a, ByteView p, Siblings s, int depth, boolean whole) {
            return d.intArray(this, name, a, p, whole);
        }
    }

    /** Binary holding a struct, or structs one after another ({@code repeat}). */
    record StructValue(StructSpec struct, boolean repeat) implements AttrSpec {
        @Override
        public Field decode(AttributeDecoding d, String name, NlAttr a, ByteView p, Siblings s, int depth, boolean whole) {
            return repeat ? d.structArray(this, name, a, p, whole) : d.structValue(this, name, a, p, whole);
        }
    }

    /** Binary that Java code decodes ({@code decoder:}, its name). */
    record Decoded(ValueDecoder decoder, String name) implements AttrSpec {
        @Override
        public Field decode(AttributeDecoding d, String name, NlAttr a, ByteView p, Siblings s, int depth, boolean whole) {
            return d.decoded(this, name, a, p, s, depth);
        }
    }

    /** A nest: a struct (if any), then the attributes of a set. */
    record Nest(StructSpec header, AttrSetSpec set) implements AttrSpec {
        @Override
        public Field decode(AttributeDecoding d, String name, NlAttr a, ByteView p, Siblings s, int depth, boolean whole) {
            return d.nest(this, name, a, p, s, depth, whole);
        }
    }

    /** Attributes whose types are indexes, each decoded as {@code entry}. */
    record IndexedArray(AttrSpec entry) implements AttrSpec {
        @Override
        public Field decode(AttributeDecoding d, String name, NlAttr a, ByteView p, Siblings s, int depth, boolean whole) {
            return d.indexedArray(this, name, a, p, s, depth);
        }
    }

    /** A payload whose format the value of another attribute (or header member), the selector, chooses. */
    record SubMessage(SubMessageSpec formats, String selector) implements AttrSpec {
        @Override
        public Field decode(AttributeDecoding d, String name, NlAttr a, ByteView p, Siblings s, int depth, boolean whole) {
            return d.subMessage(this, name, a, p, s, depth, whole);
        }
    }

    /** A struct nla_bitfield32: value and selector, both rendered in hex or by their flags. */
    record Bitfield32(IntRendering rendering) implements AttrSpec {
        @Override
        public Field decode(AttributeDecoding d, String name, NlAttr a, ByteView p, Siblings s, int depth, boolean whole) {
            return d.bitfield32(this, name, a, p, whole);
        }
    }
}
