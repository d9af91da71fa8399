package org.nlscope.dissect.nl80211;

import java.util.ArrayList;
import java.util.List;
import org.nlscope.decode.ByteView;
import org.nlscope.decode.spec.SpecDecoding;
import org.nlscope.decode.spec.ValueDecoder;
import org.nlscope.model.Field;
import org.nlscope.uapi.Nl80211;

/**
 * The value decoders of nl80211's capability bytes: the 802.11 fields a device announces
 * (HT, VHT, HE, EHT, extended capabilities) and nl80211's own extended features, each a
 * nested class named in dissectors/genetlink/nl80211.yaml.
 */
public final class Capabilities {
    private Capabilities() {
    }

    /** Octets of named subfields: the hex as the value, the subfields set as the display. */
    abstract static class Flags implements ValueDecoder {
        private final String name;
        private final List<Bits> table;

        Flags(String name, List<Bits> table) {
            this.name = name;
            this.table = table;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Result decode(ByteView payload, SpecDecoding decoding) {
            return Result.ofValue(payload.hex(payload.start(), payload.length()),
                    Bits.render(payload, payload.start(), payload.length(), table));
        }
    }

    /** A struct-like field decoded into members; a payload shorter than {@code size} is a problem. */
    abstract static class Members implements ValueDecoder {
        interface Layout {
            List<Field> members(ByteView v, int at, int length);
        }

        private final String name;
        private final int size;
        private final Layout layout;

        Members(String name, int size, Layout layout) {
            this.name = name;
            this.size = size;
            this.layout = layout;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Result decode(ByteView payload, SpecDecoding decoding) {
            List<Field> members = layout.members(payload, payload.start(), payload.length());
            String problem = payload.length() < size ? name + " needs " + size + " bytes, found " + payload.length()
                    : null;
            return Result.ofChildren(members, decoding.structDisplay(members), problem);
        }
    }

    public static final class HtCap extends Members {
        public HtCap() {
            super("ieee80211-ht-cap", HtVht.HT_SIZE, HtVht::ht);
        }
    }

    public static final class VhtCap extends Members {
        public VhtCap() {
            super("ieee80211-vht-cap", HtVht.VHT_SIZE, HtVht::vht);
        }
    }

    public static final class HeMac extends Flags {
        public HeMac() {
            super("ieee80211-he-mac-cap", He.MAC);
        }
    }

    public static final class HePhy extends Flags {
        public HePhy() {
            super("ieee80211-he-phy-cap", He.PHY);
        }
    }

    public static final class HeMcsNss extends Members {
        public HeMcsNss() {
            super("ieee80211-he-mcs-nss", 4, He::mcsNss);
        }
    }

    public static final class HePpe extends Members {
        public HePpe() {
            super("ieee80211-he-ppe", 1, He::ppe);
        }
    }

    public static final class He6Ghz extends Flags {
        public He6Ghz() {
            super("ieee80211-he-6ghz-cap", He.CAP_6GHZ);
        }
    }

    public static final class EhtMac extends Flags {
        public EhtMac() {
            super("ieee80211-eht-mac-cap", Eht.MAC);
        }
    }

    public static final class EhtPhy extends Flags {
        public EhtPhy() {
            super("ieee80211-eht-phy-cap", Eht.PHY);
        }
    }

    public static final class EhtMcsNss extends Members {
        public EhtMcsNss() {
            super("ieee80211-eht-mcs-nss", 3, Eht::mcsNss);
        }
    }

    public static final class EhtPpe extends Members {
        public EhtPpe() {
            super("ieee80211-eht-ppe", 1, Eht::ppe);
        }
    }

    public static final class ExtCapa extends Flags {
        public ExtCapa() {
            super("ieee80211-ext-capa", ExtCapabilities.BITS);
        }
    }

    /** NL80211_ATTR_HE_CAPABILITY: the HE Capabilities element's body after its Element ID Extension. */
    public static final class HeCap extends Members {
        public HeCap() {
            super("ieee80211-he-cap", He.MAC_SIZE + He.PHY_SIZE + 4,
                    (v, at, length) -> new ElementBodies().extension(v, ElementIds.EXT_HE_CAPABILITY, at, length));
        }
    }

    /** NL80211_ATTR_EHT_CAPABILITY: the EHT Capabilities element's body after its Element ID Extension. */
    public static final class EhtCap extends Members {
        public EhtCap() {
            super("ieee80211-eht-cap", Eht.MAC_SIZE + Eht.PHY_SIZE + 3,
                    (v, at, length) -> new ElementBodies().extension(v, ElementIds.EXT_EHT_CAPABILITY, at, length));
        }
    }

    /** NL80211_ATTR_EXT_FEATURES: a bit per enum nl80211_ext_feature_index, named by it. */
    public static final class ExtFeatures extends Flags {
        public ExtFeatures() {
            super("nl80211-ext-features", featureBits());
        }

        private static List<Bits> featureBits() {
            List<Bits> out = new ArrayList<>();
            for (int i = 0; i < Nl80211.EXT_FEATURE_NAMES.size(); i++) {
                out.add(Bits.bit(Nl80211.EXT_FEATURE_NAMES.get(i), i));
            }
            return List.copyOf(out);
        }
    }
}
