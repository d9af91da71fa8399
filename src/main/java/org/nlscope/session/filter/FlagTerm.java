package org.nlscope.session.filter;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nlscope.model.DecodedMessage;
import org.nlscope.uapi.Netlink;

/** {@code flags & NLM_F_ACK}: a flag by name, or the flags as a number. */
final class FlagTerm {

    /** nlmsg_flags bits by name (without NLM_F_); the high byte means different things per message kind. */
    private static final Map<String, Integer> FLAG_BITS = Map.ofEntries(
            Map.entry("REQUEST", Netlink.NLM_F_REQUEST), Map.entry("MULTI", Netlink.NLM_F_MULTI),
            Map.entry("ACK", Netlink.NLM_F_ACK), Map.entry("ECHO", Netlink.NLM_F_ECHO),
            Map.entry("DUMP_INTR", Netlink.NLM_F_DUMP_INTR), Map.entry("DUMP_FILTERED", Netlink.NLM_F_DUMP_FILTERED),
            Map.entry("ROOT", Netlink.NLM_F_ROOT), Map.entry("MATCH", Netlink.NLM_F_MATCH),
            Map.entry("ATOMIC", Netlink.NLM_F_ATOMIC), Map.entry("DUMP", Netlink.NLM_F_DUMP),
            Map.entry("REPLACE", Netlink.NLM_F_REPLACE), Map.entry("EXCL", Netlink.NLM_F_EXCL),
            Map.entry("CREATE", Netlink.NLM_F_CREATE), Map.entry("APPEND", Netlink.NLM_F_APPEND),
            Map.entry("NONREC", Netlink.NLM_F_NONREC), Map.entry("BULK", Netlink.NLM_F_BULK),
            Map.entry("CAPPED", Netlink.NLM_F_CAPPED), Map.entry("ACK_TLVS", Netlink.NLM_F_ACK_TLVS));

    private FlagTerm() {
    }

    static Expr of(Token op, Token value) throws FilterSyntaxException {
        if (value.kind() == Token.Kind.NUMBER) {
            return Terms.number(op, value, s -> s.message() == null ? 0 : s.message().header().flags());
        }
        String name = value.text().toUpperCase(Locale.ROOT);
        String bare = name.startsWith("NLM_F_") ? name.substring(6) : name;
        ValueChecks.flag(value, bare, FLAG_BITS.keySet());
        Integer bits = FLAG_BITS.get(bare);
        Expr has = s -> s.message() != null && hasFlag(s.message(), bare, bits);
        return switch (op.text()) {
            case "&", "==" -> has;
            case "!=" -> s -> !has.test(s);
            default -> throw new FilterSyntaxException("use 'flags & " + value.text() + "' to test a flag", op.column());
        };
    }

    /** Low flags are the same bits everywhere; high ones are believed only as the decoder named them. */
    private static boolean hasFlag(DecodedMessage m, String bare, int bits) {
        List<String> names = m.flagNames();
        if (names.contains("NLM_F_" + bare)) {
            return true;
        }
        if (bits < 0x100 || (m.header().isRequest() && !namesHighFlags(names))) {
            // no dissector said what kind of request this is: the bits are all there is
            return (m.header().flags() & bits) == bits;
        }
        return "DUMP".equals(bare) && names.contains("NLM_F_ROOT") && names.contains("NLM_F_MATCH");
    }

    private static boolean namesHighFlags(List<String> names) {
        for (String n : names) {
            Integer bits = n.startsWith("NLM_F_") ? FLAG_BITS.get(n.substring(6)) : null;
            if (bits != null && bits >= 0x100) {
                return true;
            }
        }
        return false;
    }
}
