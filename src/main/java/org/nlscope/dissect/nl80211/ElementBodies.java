package org.nlscope.dissect.nl80211;

import static org.nlscope.dissect.nl80211.Bits.bit;

import java.util.ArrayList;
import java.util.List;
import org.nlscope.decode.ByteView;
import org.nlscope.model.Field;

/**
 * The bodies of the elements nlscope reads (IEEE 802.11-2020 clause 9.4.2 and its amendments);
 * the others show their octets in hex under their name. One instance decodes one element list:
 * an EHT Capabilities element's MCS set is sized by the HE Capabilities element before it.
 */
final class ElementBodies {
    private static final List<Bits> ERP = List.of(bit("NON_ERP_PRESENT", 0), bit("USE_PROTECTION", 1),
            bit("BARKER_PREAMBLE_MODE", 2));
    /** The HE PHY capabilities of this list's HE Capabilities element: [offset, length], or null. */
    private int[] hePhy;

    /** The field of the element at pos (its ID and length octets included). */
    Field element(ByteView v, int pos, int id, int length) {
        int at = pos + 2;
        String name = ElementIds.name(id);
        if (id == ElementIds.EXTENSION && length >= 1) {
            int ext = v.u8(at);
            String extName = ElementIds.extensionName(ext);
            List<Field> members = new ArrayList<>();
            members.add(Field.member("ext_id", (long) ext, extName != null ? extName : String.valueOf(ext),
                    at, 1));
            members.addAll(extension(v, ext, at + 1, length - 1));
            return Field.parent(extName != null ? extName : name, id, display(members), pos, length + 2, false, members);
        }
        List<Field> members = body(v, id, at, length);
        if (members == null) {
            String hex = v.hex(at, length);
            return Field.value(name, id, hex, hex, pos, length + 2);
        }
        if (members.size() == 1 && members.get(0).name() == null) {
            Field only = members.get(0);
            return Field.value(name, id, only.value(), only.display(), pos, length + 2);
        }
        return Field.parent(name, id, display(members), pos, length + 2, false, members);
    }

    /** The members of a body; one nameless member for a body that is one value; null for bytes. */
    private List<Field> body(ByteView v, int id, int at, int length) {
        return switch (id) {
            case ElementIds.SSID, ElementIds.MESH_ID -> List.of(Field.member(null, Ssid.text(v, at, length),
                    length == 0 ? Ssid.WILDCARD : Ssid.text(v, at, length), at, length));
            case ElementIds.SUPP_RATES, ElementIds.EXT_SUPP_RATES -> one(Rates.text(v, at, length), at, length);
            case ElementIds.DS_PARAMS -> length == 1 ? List.of(Field.member(null, (long) v.u8(at), "channel " + v.u8(at),
                    at, 1)) : null;
            case ElementIds.TIM -> tim(v, at, length);
            case ElementIds.ERP_INFO -> length == 1 ? List.of(Field.member(null, v.hex(at, 1),
                    Bits.render(v, at, 1, ERP), at, 1)) : null;
            case ElementIds.HT_CAPABILITY -> HtVht.ht(v, at, length);
            case ElementIds.VHT_CAPABILITY -> HtVht.vht(v, at, length);
            case ElementIds.EXT_CAPABILITY -> List.of(Field.member(null, v.hex(at, length),
                    Bits.render(v, at, length, ExtCapabilities.BITS), at, length));
            case ElementIds.SUPPORTED_REGULATORY_CLASSES -> operatingClasses(v, at, length);
            case ElementIds.BSS_MAX_IDLE_PERIOD -> length == 3 ? List.of(
                    Field.member("max_idle_period", (long) v.u16(at), v.u16(at) + " x 1000 TU", at, 2),
                    Field.member("idle_options", (long) v.u8(at + 2), String.format("0x%02x", v.u8(at + 2)), at + 2, 1))
                    : null;
            case ElementIds.RSN -> Rsn.members(v, at, length);
            case ElementIds.VENDOR_SPECIFIC -> vendor(v, at, length);
            default -> null;
        };
    }

    List<Field> extension(ByteView v, int ext, int at, int length) {
        List<Field> out = new ArrayList<>();
        int end = at + length;
        if (ext == ElementIds.EXT_HE_CAPABILITY && length >= He.MAC_SIZE + He.PHY_SIZE) {
            out.add(Bits.member("he_mac_cap", v, at, He.MAC_SIZE, He.MAC));
            int phy = at + He.MAC_SIZE;
            hePhy = new int[] {phy, He.PHY_SIZE};
            out.add(Bits.member("he_phy_cap", v, phy, He.PHY_SIZE, He.PHY));
            int mcs = phy + He.PHY_SIZE;
            int mcsSize = Math.min(He.mcsNssSize(v, phy, He.PHY_SIZE), end - mcs);
            out.addAll(He.mcsNss(v, mcs, mcsSize));
            if (mcs + mcsSize < end) {
                out.addAll(He.ppe(v, mcs + mcsSize, end - mcs - mcsSize));
            }
        } else if (ext == ElementIds.EXT_EHT_CAPABILITY && length >= Eht.MAC_SIZE + Eht.PHY_SIZE) {
            out.add(Bits.member("eht_mac_cap", v, at, Eht.MAC_SIZE, Eht.MAC));
            int phy = at + Eht.MAC_SIZE;
            out.add(Bits.member("eht_phy_cap", v, phy, Eht.PHY_SIZE, Eht.PHY));
            int mcs = phy + Eht.PHY_SIZE;
            int mcsSize = Math.min(ehtMcsSize(v, phy), end - mcs);
            out.addAll(Eht.mcsNss(v, mcs, mcsSize));
            if (mcs + mcsSize < end) {
                out.addAll(Eht.ppe(v, mcs + mcsSize, end - mcs - mcsSize));
            }
        } else if (ext == ElementIds.EXT_HE_6GHZ_CAPA && length == 2) {
            out.add(Bits.member("capa", v, at, 2, He.CAP_6GHZ));
        } else if (length > 0) {
            out.add(Field.member("data", v.hex(at, length), v.hex(at, length), at, length));
        }
        return out;
    }

    /**
     * The EHT-MCS maps' size: 4 octets for a STA of 20 MHz only (no 40 MHz or wider in the HE
     * PHY's channel width set), else 3 for ≤80 MHz, 3 more for 160 MHz (HE PHY B3) and for
     * 320 MHz (EHT PHY B1).
     */
    private int ehtMcsSize(ByteView v, int ehtPhy) {
        if (hePhy == null) {
            return 3;
        }
        if (Bits.read(v, hePhy[0], hePhy[1], 1, 4) == 0) {
            return 4;
        }
        return 3 + (Bits.read(v, hePhy[0], hePhy[1], 3, 1) != 0 ? 3 : 0)
                + (Bits.read(v, ehtPhy, Eht.PHY_SIZE, 1, 1) != 0 ? 3 : 0);
    }

    private static List<Field> tim(ByteView v, int at, int length) {
        if (length < 3) {
            return null;
        }
        List<Field> out = new ArrayList<>();
        out.add(Field.member("dtim_count", (long) v.u8(at), String.valueOf(v.u8(at)), at, 1));
        out.add(Field.member("dtim_period", (long) v.u8(at + 1), String.valueOf(v.u8(at + 1)), at + 1, 1));
        out.add(Field.member("bitmap_control", (long) v.u8(at + 2), String.format("0x%02x", v.u8(at + 2)), at + 2, 1));
        out.add(Field.member("partial_virtual_bitmap", v.hex(at + 3, length - 3), v.hex(at + 3, length - 3), at + 3,
                length - 3));
        return out;
    }

    private static List<Field> operatingClasses(ByteView v, int at, int length) {
        if (length < 1) {
            return null;
        }
        StringBuilder classes = new StringBuilder();
        for (int i = at + 1; i < at + length; i++) {
            classes.append(classes.length() == 0 ? "" : " ").append(v.u8(i));
        }
        return List.of(Field.member("current", (long) v.u8(at), String.valueOf(v.u8(at)), at, 1),
                Field.member("supported", v.hex(at + 1, length - 1), classes.toString(), at + 1, length - 1));
    }

    private static List<Field> vendor(ByteView v, int at, int length) {
        if (length < 3) {
            return null;
        }
        String oui = oui(v, at);
        List<Field> out = new ArrayList<>();
        out.add(Field.member("oui", oui, oui, at, 3));
        if (length > 3) {
            out.add(Field.member("data", v.hex(at + 3, length - 3), v.hex(at + 3, length - 3), at + 3, length - 3));
        }
        return out;
    }

    private static List<Field> one(String text, int at, int length) {
        return List.of(Field.member(null, text, text, at, length));
    }

    /** The 3 octets of an organizationally unique identifier, "50:6f:9a". */
    static String oui(ByteView v, int at) {
        return v.hex(at, 1) + ":" + v.hex(at + 1, 1) + ":" + v.hex(at + 2, 1);
    }

    /** "name=display ..." of the members, as a struct reads in one line. */
    static String display(List<Field> members) {
        StringBuilder out = new StringBuilder();
        for (Field m : members) {
            out.append(out.length() == 0 ? "" : " ").append(m.name()).append('=').append(m.display());
        }
        return out.toString();
    }
}
