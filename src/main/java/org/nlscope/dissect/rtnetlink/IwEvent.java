package org.nlscope.dissect.rtnetlink;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.nlscope.decode.ByteView;
import org.nlscope.decode.spec.SpecDecoding;
import org.nlscope.decode.spec.ValueDecoder;
import org.nlscope.dissect.nl80211.Elements;
import org.nlscope.dissect.nl80211.Frames;
import org.nlscope.model.Field;
import org.nlscope.uapi.Wireless;

/**
 * IFLA_WIRELESS: wireless extension events (linux/wireless.h's struct iw_event) that cfg80211
 * still sends beside nl80211: len and cmd, then per cmd an address (SIOCGIWAP: the AP
 * associated with, 00:00:00:00:00:00 when none) or a length and flags before that many bytes
 * (the elements of IWEVASSOCREQIE and IWEVASSOCRESPIE, the text of IWEVCUSTOM). The kernel
 * lays iw_event out by its word size: the data starts 8 bytes in on a 64-bit kernel, 4 on a
 * 32-bit one; which one a capture has is read from the lengths.
 */
public final class IwEvent implements ValueDecoder {
    private static final int SOCKADDR = 16;

    @Override
    public String name() {
        return "iw-event";
    }

    @Override
    public Result decode(ByteView payload, SpecDecoding decoding) {
        List<Field> events = new ArrayList<>();
        int pos = payload.start();
        while (pos + 4 <= payload.end()) {
            int len = payload.u16(pos);
            if (len < 4 || pos + len > payload.end()) {
                return Result.ofChildren(events, summary(events), "iw_event len " + len + " at offset " + pos);
            }
            events.add(event(payload, pos, len));
            pos += len;
        }
        String problem = pos < payload.end() ? (payload.end() - pos) + " bytes left after the events" : null;
        return Result.ofChildren(events, summary(events), problem);
    }

    private static String summary(List<Field> events) {
        return events.size() == 1 ? events.get(0).display() : events.size() + " events";
    }

    private static Field event(ByteView v, int at, int len) {
        int cmd = v.u16(at + 2);
        String name = Wireless.commandName(cmd);
        List<Field> members = new ArrayList<>();
        members.add(Field.member("len", (long) len, String.valueOf(len), at, 2));
        members.add(Field.member("cmd", (long) cmd, name != null ? name : String.format("0x%04x", cmd), at + 2, 2));
        String shown = name != null ? name : String.format("0x%04x", cmd);
        int end = at + len;
        if (isAddress(cmd)) {
            int data = end - SOCKADDR >= at + 4 ? end - SOCKADDR : at + 4;
            if (data + SOCKADDR <= end) {
                members.add(Field.member("sa_family", (long) v.u16(data), String.valueOf(v.u16(data)), data, 2));
                String mac = Frames.mac(v, data + 2);
                members.add(Field.member("sa_data", mac, mac, data + 2, 6));
                shown += " " + mac;
            }
        } else if (isPoint(cmd)) {
            int lcp = v.has(at + 8, 2) && at + 16 + v.u16(at + 8) == end ? 8 : 4;
            int point = at + lcp;
            int data = point + (lcp == 8 ? 8 : 4);
            if (data <= end) {
                int length = v.u16(point);
                members.add(Field.member("length", (long) length, String.valueOf(length), point, 2));
                members.add(Field.member("flags", (long) v.u16(point + 2), String.format("0x%04x", v.u16(point + 2)),
                        point + 2, 2));
                if (data < end) {
                    members.add(data(v, cmd, data, end));
                }
            }
        } else if (at + 4 < end) {
            members.add(Field.member("data", v.hex(at + 4, end - at - 4), v.hex(at + 4, end - at - 4), at + 4,
                    end - at - 4));
        }
        return Field.parent("iw_event", -1, shown, at, len, false, members);
    }

    private static Field data(ByteView v, int cmd, int at, int end) {
        if (cmd == Wireless.IWEVASSOCREQIE || cmd == Wireless.IWEVASSOCRESPIE || cmd == Wireless.IWEVGENIE) {
            List<Field> elements = new ArrayList<>();
            String problem = Elements.walk(v, at, end, elements);
            Field f = Field.parent("elements", -1, Elements.summary(elements), at, end - at, false, elements);
            return problem == null ? f : f.withProblem(problem);
        }
        if (cmd == Wireless.IWEVCUSTOM) {
            String text = new String(v.data(), at, end - at, StandardCharsets.UTF_8);
            return Field.member("text", text, text, at, end - at);
        }
        return Field.member("data", v.hex(at, end - at), v.hex(at, end - at), at, end - at);
    }

    private static boolean isAddress(int cmd) {
        return cmd == Wireless.SIOCGIWAP || cmd == Wireless.SIOCSIWAP || cmd == Wireless.IWEVREGISTERED
                || cmd == Wireless.IWEVEXPIRED || cmd == Wireless.IWEVTXDROP;
    }

    private static boolean isPoint(int cmd) {
        return cmd == Wireless.SIOCGIWSCAN || cmd == Wireless.SIOCGIWESSID || cmd == Wireless.IWEVCUSTOM
                || cmd == Wireless.IWEVGENIE || cmd == Wireless.IWEVASSOCREQIE || cmd == Wireless.IWEVASSOCRESPIE
                || cmd == Wireless.IWEVPMKIDCAND || cmd == Wireless.IWEVMICHAELMICFAILURE;
    }
}
