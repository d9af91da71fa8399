package org.nlscope.decode.spec;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.Dissector;
import org.nlscope.decode.DissectorKey;
import org.nlscope.decode.DissectorLoadException;
import org.nlscope.decode.DissectorRegistry;
import org.nlscope.decode.FrameDecoder;
import org.nlscope.fuzz.RecordedCaptures;
import org.nlscope.model.Frame;

/**
 * Coverage-guided fuzzing of the dissector-file loader (Jazzer): the input is a user's
 * YAML file, loaded beside the built-in files and YNL specs of the same family as a file in
 * {@code ~/.config/nlscope/dissectors} would be, compiled, and when it compiles, used
 * to decode recorded frames. Seeds are the built-in files. The only failure allowed
 * is a DissectorLoadException naming the file; a file that loads must not make the
 * decoder need its guards.
 */
class DissectorFileFuzzTest {
    private static final String SOURCE = "fuzz/user.yaml";
    private static final DissectorFiles FILES = new DissectorFiles().addBuiltIn(DissectorFileFuzzTest.class.getClassLoader());
    /** The built-in files by family, grouped once rather than for every input. */
    private static final Map<DissectorKey, List<SpecFile>> BUILT_IN = FILES.files().stream()
            .collect(Collectors.groupingBy(SpecCompiler::keyOf));
    /** The built-in YNL specs by family, which nlscope's own files are laid over as at a real load. */
    private static final Map<DissectorKey, List<KernelSpec>> KERNEL_SPECS = FILES.ynlFiles().stream()
            .map(s -> new KernelSpec(s.source(), s.tree(), false, null))
            .collect(Collectors.groupingBy(KernelSpec::key));
    private static final Map<String, ValueDecoder> VALUE_DECODERS = Map.copyOf(SpecDissectorProvider.valueDecoders());
    private static final Map<DissectorKey, SpecExtension> EXTENSIONS = SpecDissectorProvider.extensions();
    /** A few recorded frames of every capture, to decode with what a fuzzed file compiles to. */
    private static final List<Frame> FRAMES = sampleFrames();
    private static final DecodeContext CONTEXT =
            RecordedCaptures.genlContext(new FrameDecoder(DissectorRegistry.load(List.of())));

    private static List<Frame> sampleFrames() {
        List<Frame> out = new ArrayList<>();
        for (var file : RecordedCaptures.files()) {
            out.addAll(RecordedCaptures.frames(file).stream().limit(8).toList());
        }
        return out;
    }

    @FuzzTest(maxDuration = "60s")
    void yaml(byte[] content) {
        List<Dissector> compiled;
        try {
            SpecFile file = SpecLoader.parse(SOURCE, content);
            DissectorKey key = SpecCompiler.keyOf(file);
            List<SpecFile> group = new ArrayList<>(BUILT_IN.getOrDefault(key, List.of()));
            group.add(file);
            // compiled as SpecDissectorProvider compiles a family a user's file has a part in
            // (an own file may refer to its family's YNL spec: ctnetlink.yaml to conntrack's sets)
            List<KernelSpec> kernel = KERNEL_SPECS.getOrDefault(key, List.of());
            compiled = new FamilyCompilation(key, group, kernel, VALUE_DECODERS, EXTENSIONS.get(key), List.of())
                    .compiled().dissectors();
        } catch (DissectorLoadException e) {
            // it names the file first; what it quotes of the file may hold newlines and escape
            // sequences (crash-newline-in-attribute-type), which every printer escapes
            assertTrue(e.getMessage() != null && e.getMessage().startsWith(SOURCE + ":"), e.getMessage());
            return;
        }
        FrameDecoder decoder = new FrameDecoder(DissectorRegistry.of(new ArrayList<>(compiled)));
        for (Frame f : FRAMES) {
            RecordedCaptures.decodeChecked(decoder, f, CONTEXT);
        }
    }
}
