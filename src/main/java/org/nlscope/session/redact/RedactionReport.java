package org.nlscope.session.redact;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a {@link Redactor} did to a file.
 *
 * @param secrets       attribute name to how many of its payloads became zeros
 * @param anonymized    true when addresses were replaced too
 * @param addresses     kind (MAC, IPv4, IPv6) to distinct addresses replaced
 * @param addressPlaces address fields rewritten, repeats counted
 * @param framesChanged frames that differ from the original
 */
public record RedactionReport(Map<String, Integer> secrets, boolean anonymized, Map<String, Integer> addresses,
                              int addressPlaces, int framesChanged) {

    public RedactionReport {
        secrets = Map.copyOf(secrets);
        addresses = Map.copyOf(addresses);
    }

    public int secretCount() {
        return secrets.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The section header's comment when the counts are not known before the frames are written (a stream). */
    public static String streamedComment(boolean anonymized) {
        return "Redacted by nlscope: secret attribute payloads replaced with zeros of the same length"
                + " (each changed frame's comment names them)\n"
                + (anonymized ? "MAC and IP addresses replaced with stable pseudonyms\n" : "");
    }

    /** The comment for the file's section header: what was redacted, so a reader knows the zeros are not data. */
    public String comment() {
        StringBuilder sb = new StringBuilder("Redacted by nlscope: secret attribute payloads replaced with zeros of the same length");
        if (secrets.isEmpty()) {
            sb.append(" (none found)");
        }
        sb.append('\n');
        new TreeMap<>(secrets).forEach((name, n) -> sb.append("  ").append(name).append(": ").append(n).append('\n'));
        if (anonymized) {
            sb.append("MAC and IP addresses replaced with stable pseudonyms (").append(addressPlaces).append(" places)");
            new TreeMap<>(addresses).forEach((kind, n) -> sb.append(", ").append(n).append(' ').append(kind));
            sb.append('\n');
        }
        return sb.toString();
    }
}
