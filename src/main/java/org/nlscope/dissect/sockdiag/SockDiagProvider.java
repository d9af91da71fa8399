package org.nlscope.dissect.sockdiag;

import java.nio.file.Path;
import java.util.List;
import org.nlscope.decode.Dissector;
import org.nlscope.decode.DissectorProvider;

/** Registers the sock_diag dissector through ServiceLoader. */
public final class SockDiagProvider implements DissectorProvider {
    @Override
    public List<Dissector> dissectors(List<Path> userDirectories) {
        return List.of(new SockDiagDissector());
    }
}
