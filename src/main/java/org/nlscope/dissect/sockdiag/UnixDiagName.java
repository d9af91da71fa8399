package org.nlscope.dissect.sockdiag;

import java.nio.charset.StandardCharsets;
import org.nlscope.decode.ByteView;
import org.nlscope.decode.spec.SpecDecoding;
import org.nlscope.decode.spec.ValueDecoder;

/**
 * UNIX_DIAG_NAME: the socket's sun_path, as long as the attribute, not NUL-terminated. A
 * name in the abstract namespace starts with a NUL; it reads as ss prints it, "@name".
 */
public final class UnixDiagName implements ValueDecoder {
    @Override
    public String name() {
        return "unix-diag-name";
    }

    @Override
    public Result decode(ByteView payload, SpecDecoding decoding) {
        int start = payload.start();
        int end = payload.end();
        if (start < end && payload.u8(start) == 0) {
            String name = "@" + new String(payload.data(), start + 1, end - start - 1, StandardCharsets.UTF_8)
                    .replace('\0', '@');
            return Result.ofValue(name, name);
        }
        int nul = start;
        while (nul < end && payload.u8(nul) != 0) {
            nul++;
        }
        String path = new String(payload.data(), start, nul - start, StandardCharsets.UTF_8);
        return Result.ofValue(path, path);
    }
}
