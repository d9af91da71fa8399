package org.nlscope.session.filter;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.nlscope.model.DecodedMessage;
import org.nlscope.uapi.Netlink;

/** {@code flags & NLM_F_ACK}: a flag by name, or the flags as a number. */
final class FlagTerm {
    private static final String PREFIX = "NLM_F_";

    /** The NLM_F_* names without NLM_F_, as a filter may write them. */
    private static final Set<String> BARE = Netlink.FLAG_NAMES.stream().map(n -> n.substring(PREFIX.length()))
            .collect(Collectors.toUnmodifiableSet());

    private FlagTerm() {
    }

    static Expr of(Token op, Token value) throws FilterSyntaxException {
        if (value.kind() == Token.Kind.NUMBER) {
            return Terms.number(op, value, s -> s.message() == null ? 0 : s.message().header().flags());
        }
        String name = value.text().toUpperCase(Locale.ROOT);
        String bare = name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : name;
        ValueChecks.flag(value, bare, BARE);
        int bits = Netlink.flagBits(PREFIX + bare);
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
        if (names.contains(PREFIX + bare)) {
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
            if (Netlink.flagBits(n) >= 0x100) {
                return true;
            }
        }
        return false;
    }
}
