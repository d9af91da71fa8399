package org.nlscope.session.redact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.nlscope.decode.ByteView;
import org.nlscope.decode.Dissector;
import org.nlscope.decode.DissectorKey;
import org.nlscope.decode.DissectorRegistry;
import org.nlscope.decode.NlAttr;
import org.nlscope.decode.SockAddr;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.Field;
import org.nlscope.model.Frame;
import org.nlscope.uapi.Netlink;

/**
 * Makes frames safe to attach to a bug report: the payload of every secret attribute
 * (those a dissector marks {@code secret}, and the xfrm algorithm keys) becomes zeros of
 * the same length, so the frame still decodes to the same messages; optionally MAC and IP
 * addresses become stable pseudonyms. Counts what it did for {@link #report()}.
 * One instance per file: the pseudonyms must stay the same across its frames.
 */
public final class Redactor {
    private final Set<String> secrets = new HashSet<>();
    private final Set<String> addresses = new HashSet<>();
    private final Set<String> sockaddrs = new HashSet<>();
    private final Set<DissectorKey> keysWithSecrets = new HashSet<>();
    /** For masking: the dissectors, asked for a family's secrets when its first frame comes (else null: all asked at once). */
    private final DissectorRegistry lazily;
    private final Set<DissectorKey> learned = new HashSet<>();
    private final boolean anonymize;
    private final boolean commentFrames;
    private final Map<String, Integer> counts = new TreeMap<>();
    private final Pseudonyms pseudonyms = new Pseudonyms();
    private int framesChanged;

    /**
     * @param registry      the dissectors whose files say what is secret and what is an address
     * @param anonymize     also replace MAC and IP addresses
     * @param commentFrames add a packet comment naming what was redacted to each changed frame
     */
    public Redactor(DissectorRegistry registry, boolean anonymize, boolean commentFrames) {
        this(registry, anonymize, commentFrames, false);
    }

    private Redactor(DissectorRegistry registry, boolean anonymize, boolean commentFrames, boolean lazily) {
        this.lazily = lazily ? registry : null;
        if (!lazily) {
            registry.all().forEach(this::learn);
        }
        this.anonymize = anonymize;
        this.commentFrames = commentFrames;
    }

    /**
     * Secrets only, no comments: what {@code read} shows unless asked for the secrets. A
     * family's secrets are asked for when its first frame comes, so that a read compiles
     * only the families its capture has (every secret's name carries its family's prefix).
     */
    public static Redactor masking(DissectorRegistry registry) {
        return new Redactor(registry, false, false, true);
    }

    private void learn(Dissector d) {
        secrets.addAll(d.secretAttributes());
        addresses.addAll(d.addressFields());
        sockaddrs.addAll(d.sockaddrFields());
        if (!d.secretAttributes().isEmpty()) {
            keysWithSecrets.add(d.key());
        }
    }

    /** For masking: the secrets of this frame's families, learned when they first come. */
    private void learnFamilies(DecodedFrame decoded) {
        learn(DissectorKey.netlink(decoded.family()));
        for (DecodedMessage m : decoded.messages()) {
            if (m.genl() != null && m.genl().family() != null) {
                learn(DissectorKey.genl(m.genl().family()));
            }
            DecodedMessage request = m.error() == null ? null : m.error().request();
            if (request != null && request.genl() != null && request.genl().family() != null) {
                learn(DissectorKey.genl(request.genl().family()));
            }
        }
    }

    private void learn(DissectorKey key) {
        if (learned.add(key)) {
            Dissector d = lazily.forKey(key);
            if (d != null) {
                learn(d);
            }
        }
    }

    /**
     * The frame with its secrets zeroed (and addresses replaced when anonymizing), as a new
     * frame; the same instance when there was nothing to change.
     */
    public Frame apply(DecodedFrame decoded) {
        if (!anonymize && !mayHoldSecrets(decoded)) {
            return decoded.frame();
        }
        ByteView view = ByteView.of(decoded.frame().data());
        List<Span> zero = new ArrayList<>();
        List<Span> hide = new ArrayList<>();
        for (DecodedMessage m : decoded.messages()) {
            collect(decoded.family(), view, m, zero, hide);
            if (m.error() != null && m.error().request() != null) {
                collect(decoded.family(), view, m.error().request(), zero, hide);
            }
        }
        if (zero.isEmpty() && hide.isEmpty()) {
            return decoded.frame();
        }
        byte[] data = decoded.frame().data().clone();
        Set<String> names = new TreeSet<>();
        for (Span s : zero) {
            Arrays.fill(data, s.offset(), s.offset() + s.length(), (byte) 0);
            counts.merge(s.name(), 1, Integer::sum);
            names.add(s.name());
        }
        boolean addressChanged = false;
        for (Span s : hide) {
            byte[] original = Arrays.copyOfRange(data, s.offset(), s.offset() + s.length());
            byte[] pseudonym = pseudonyms.of(original);
            if (pseudonym != null) {
                System.arraycopy(pseudonym, 0, data, s.offset(), s.length());
                addressChanged = true;
            }
        }
        if (names.isEmpty() && !addressChanged) {
            return decoded.frame();
        }
        framesChanged++;
        Frame f = decoded.frame();
        String comment = f.comment();
        if (commentFrames && !names.isEmpty()) {
            String note = "nlscope redacted " + String.join(", ", names);
            comment = comment == null ? note : comment + "; " + note;
        }
        return new Frame(f.timestampNanos(), f.linkType(), data, f.originalLength(), f.packetType(), comment);
    }

    /** What was done so far. */
    public RedactionReport report() {
        return new RedactionReport(counts, anonymize, pseudonyms.distinct(), pseudonyms.replaced(), framesChanged);
    }

    private boolean mayHoldSecrets(DecodedFrame decoded) {
        if (lazily != null) {
            learnFamilies(decoded);
        }
        if (decoded.family() == Netlink.NETLINK_XFRM) {
            return true;
        }
        if (keysWithSecrets.isEmpty()) {
            return false;
        }
        if (keysWithSecrets.contains(DissectorKey.netlink(decoded.family()))) {
            return true;
        }
        for (DecodedMessage m : decoded.messages()) {
            if (m.genl() != null && m.genl().family() != null
                    && keysWithSecrets.contains(DissectorKey.genl(m.genl().family()))) {
                return true;
            }
            DecodedMessage request = m.error() == null ? null : m.error().request();
            if (request != null && request.genl() != null && request.genl().family() != null
                    && keysWithSecrets.contains(DissectorKey.genl(request.genl().family()))) {
                return true;
            }
        }
        return false;
    }

    private void collect(int family, ByteView view, DecodedMessage m, List<Span> zero, List<Span> hide) {
        if (family == Netlink.NETLINK_XFRM) {
            XfrmKeys.find(view, m.offset(), zero);
        }
        walk(view, m.fixedHeader(), false, zero, hide);
        walk(view, m.attributes(), false, zero, hide);
    }

    private static final int IN6_SLOT = 16;

    /** Four address bytes and twelve zeros: an IPv4 address in a slot made for IPv6. */
    private static boolean isIpv4InSlot(ByteView view, int offset) {
        for (int i = 4; i < IN6_SLOT; i++) {
            if (view.u8(offset + i) != 0) {
                return false;
            }
        }
        return view.u32(offset) != 0;
    }

    private void walk(ByteView view, List<Field> fields, boolean inSecret, List<Span> zero, List<Span> hide) {
        for (Field f : fields) {
            boolean secret = inSecret || f.isAttribute() && f.name() != null && secrets.contains(f.name());
            boolean hasAttributes = f.nested() || !f.children().isEmpty() && f.children().get(0).isAttribute();
            if (secret && !hasAttributes) {
                // the whole value: a key, a password, or a struct that holds one
                int head = f.isAttribute() ? NlAttr.HEADER : 0;
                if (f.length() > head) {
                    zero.add(new Span(f.name() == null ? "?" : f.name(), f.offset() + head, f.length() - head));
                }
                continue;
            }
            if (anonymize && !secret && f.name() != null && f.children().isEmpty()) {
                int head = f.isAttribute() ? NlAttr.HEADER : 0;
                int offset = f.offset() + head;
                int length = f.length() - head;
                if (addresses.contains(f.name()) && length == IN6_SLOT && isIpv4InSlot(view, offset)) {
                    // inet_diag_sockid keeps an IPv4 address in the first 4 bytes of a 16-byte slot
                    hide.add(new Span(f.name(), offset, 4));
                } else if (addresses.contains(f.name()) && Pseudonyms.isAddressLength(length)) {
                    hide.add(new Span(f.name(), offset, length));
                } else if (sockaddrs.contains(f.name())) {
                    // a WireGuard endpoint: its address changes, its family and port stay
                    int family = SockAddr.family(view, offset, length);
                    if (family >= 0) {
                        hide.add(new Span(f.name(), offset + SockAddr.addressOffset(family), SockAddr.addressLength(family)));
                    }
                }
            }
            walk(view, f.children(), secret, zero, hide);
        }
    }
}
