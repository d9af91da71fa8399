package org.nlscope.decode.spec;

import org.nlscope.decode.DissectorLoadException;
import org.nlscope.decode.spec.FamilySpec.Attribute;

/**
 * What nlscope's own attribute lends the spec's attribute of the same name ({@link Overlays}):
 * its display, value decoder and secrecy, its enum or struct where they say the same with the
 * header's names, and its whole shape where the spec says only bytes.
 */
final class AttributeLoan {
    private AttributeLoan() {
    }

    /** The spec's attribute with what nlscope's own attribute of that name adds, where it fits. */
    static Attribute lend(SpecFile f, Attribute a, Attribute mine, DefinitionMatch shapes) {
        if (isBytes(a) && !isBytes(mine) && mine.decoder() == null
                && (!"binary".equals(mine.type()) || mine.subType() != null || mine.struct() != null)) {
            // the spec says only bytes ("binary # TODO: nest", nl80211's NL80211_ATTR_KEY, ethtool's bitmaps):
            // nlscope's own shape of it (a nest of its own set, which stays in the family, an array of
            // words, a struct) decodes, and keeps its secrets
            return new Attribute(a.name(), a.value(), mine.type(), mine.nestedAttributes(), mine.subType(),
                    mine.subMessage(), mine.selector(), mine.en(), mine.display(), mine.byteOrder(), mine.struct(),
                    mine.repeat(), null, mine.levels(), a.isSecret() || mine.isSecret() ? Boolean.TRUE : null, a.doc());
        }
        String display = a.display();
        String scalar = "indexed-array".equals(a.type()) ? a.subType() : a.type();
        if (mine.display() != null && (display == null || "hex".equals(display)) && a.struct() == null
                && !("binary".equals(a.type()) && a.subType() != null)) {
            try {
                SpecChecks.checkDisplay(f, a.name(), mine.display(), scalar);
                display = mine.display();
            } catch (DissectorLoadException e) {
                // the display does not fit the kernel's type: the kernel's type wins
            }
        }
        String decoder = mine.decoder() != null && "binary".equals(a.type()) && a.struct() == null && a.subType() == null
                ? mine.decoder() : null;
        Boolean secret = a.isSecret() || mine.isSecret() && !"flag".equals(a.type()) ? Boolean.TRUE : null;
        String en = "bitfield32".equals(a.type()) || Types.isInteger(scalar) ? shapes.enumFor(a, mine) : a.en();
        String struct = "binary".equals(a.type()) && decoder == null ? shapes.structFor(a, mine) : a.struct();
        return new Attribute(a.name(), a.value(), a.type(), a.nestedAttributes(), a.subType(), a.subMessage(),
                a.selector(), en, decoder != null ? null : display, a.byteOrder(), struct, a.repeat(), decoder,
                a.levels(), secret, a.doc());
    }

    /** Plain bytes: binary with nothing that shapes it. */
    private static boolean isBytes(Attribute a) {
        return "binary".equals(a.type()) && a.struct() == null && a.subType() == null && a.decoder() == null
                && a.display() == null;
    }
}
