package org.nlscope.decode.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.Mark;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.nlscope.decode.DissectorLoadException;
import org.nlscope.model.Limits;

/**
 * Reads one dissector file (YAML or JSON, by its name) into a {@link FamilySpec}.
 * Every failure is a {@link DissectorLoadException} with one line naming the file
 * and the place: {@code file:line:column: ...} for syntax, {@code file: path: ...} for content.
 */
public final class SpecLoader {

    /** A hostile file is refused in the scanner, before it costs time or memory (issue 12: a 20 MB scalar took 44 s). */
    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxStringLength(Limits.MAX_SPEC_SCALAR_CHARS)
            .maxNumberLength(100)
            .maxNestingDepth(64)
            .maxDocumentLength(Limits.MAX_SPEC_FILE_BYTES)
            .build();

    /** SnakeYAML's own code point limit (3 Mi) stays above ours, so the size check below speaks first. */
    public static YAMLFactory yamlFactory() {
        return YAMLFactory.builder().streamReadConstraints(CONSTRAINTS).build();
    }

    private SpecLoader() {
    }

    private static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** The path of the first text or key longer than the scalar limit, or null. */
    private static String longScalar(JsonNode node, String path) {
        if (node.isTextual() && node.textValue().length() > Limits.MAX_SPEC_SCALAR_CHARS) {
            return path.isEmpty() ? "the value" : path;
        }
        if (node.isObject()) {
            for (var it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                String at = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                if (e.getKey().length() > Limits.MAX_SPEC_SCALAR_CHARS) {
                    return (path.isEmpty() ? "" : path + ".") + "a key";
                }
                String found = longScalar(e.getValue(), at);
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = longScalar(node.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    public static boolean isSpecFile(String name) {
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }

    /**
     * Parses a file's bytes; {@code source} names it in errors and decides the syntax by its extension.
     */
    public static SpecFile parse(String source, byte[] content) {
        JsonNode tree = readTree(source, content);
        try {
            return new SpecFile(source, mapperFor(source).treeToValue(tree, FamilySpec.class));
        } catch (JsonProcessingException e) {
            throw loadError(source, e);
        }
    }

    /**
     * A file's bytes as a tree of keys and values, with the limits and one-line errors of
     * dissector files: for other formats written in YAML (the kernel's YNL specs).
     */
    public static JsonNode readTree(String source, byte[] content) {
        if (content.length > Limits.MAX_SPEC_FILE_BYTES) {
            throw new DissectorLoadException(source + ": " + content.length + " bytes, larger than the limit of "
                    + Limits.MAX_SPEC_FILE_BYTES + " for a dissector file");
        }
        try {
            JsonNode tree = mapperFor(source).readTree(content);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                throw new DissectorLoadException(source + ": the file is empty");
            }
            if (!tree.isObject()) {
                throw new DissectorLoadException(source + ": the top level is not a mapping of keys");
            }
            String longScalar = longScalar(tree, "");
            if (longScalar != null) {
                throw new DissectorLoadException(source + ": " + longScalar + ": longer than the limit of "
                        + Limits.MAX_SPEC_SCALAR_CHARS + " characters");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw loadError(source, e);
        } catch (IOException e) {
            throw new DissectorLoadException(source + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static ObjectMapper mapperFor(String source) {
        return source.endsWith(".json") ? Json.MAPPER : Yaml.MAPPER;
    }

    /**
     * Made on first use: a run on the built-in files reads them from {@link ParsedDissectors}
     * and need not pay for SnakeYAML's classes or Jackson's mappers at start-up.
     */
    private static final class Yaml {
        static final ObjectMapper MAPPER = configure(new YAMLMapper(yamlFactory()));
    }

    private static final class Json {
        static final ObjectMapper MAPPER = configure(JsonMapper.builder(
                com.fasterxml.jackson.core.JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build()).build());
    }

    /** A syntax or content error of a file read with Jackson, as one line naming the file and the place. */
    public static DissectorLoadException loadError(String source, JsonProcessingException e) {
        MarkedYAMLException yaml = yamlCause(e);
        if (yaml != null) {
            return new DissectorLoadException(source + yamlSyntax(yaml), e);
        }
        StreamReadException syntax = syntaxCause(e);
        if (syntax != null) {
            return new DissectorLoadException(source + where(syntax.getLocation()) + ": "
                    + firstLine(syntax.getOriginalMessage()).replaceFirst(" \\(for (Array|Object) starting at.*", ""), e);
        }
        if (e instanceof JsonMappingException m) {
            return new DissectorLoadException(source + ": " + describe(m), e);
        }
        return new DissectorLoadException(source + where(e.getLocation()) + ": " + firstLine(e.getOriginalMessage()), e);
    }

    private static StreamReadException syntaxCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamReadException r) {
                return r;
            }
        }
        return null;
    }

    private static MarkedYAMLException yamlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException m) {
                return m;
            }
        }
        return null;
    }

    /** ":5:1: expected ',' or ']', but got <stream end> (while parsing a flow sequence at 2:4)". */
    private static String yamlSyntax(MarkedYAMLException e) {
        Mark at = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String where = at == null ? "" : ":" + (at.getLine() + 1) + ":" + (at.getColumn() + 1);
        String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
        String context = "";
        if (e.getProblem() != null && e.getContext() != null) {
            Mark c = e.getContextMark();
            context = " (" + e.getContext() + (c == null ? "" : " at " + (c.getLine() + 1) + ":" + (c.getColumn() + 1)) + ")";
        }
        return where + ": " + firstLine(problem) + context;
    }

    private static String describe(JsonMappingException e) {
        List<JsonMappingException.Reference> path = e.getPath();
        if (e instanceof UnrecognizedPropertyException u) {
            String at = SpecPath.of(path.subList(0, path.size() - 1));
            return (at.isEmpty() ? "" : at + ": ") + "unknown key '" + u.getPropertyName() + "' (known: "
                    + known(u.getKnownPropertyIds()) + ")";
        }
        String at = SpecPath.of(path);
        String prefix = at.isEmpty() ? "" : at + ": ";
        if (e instanceof InvalidFormatException f) {
            return prefix + "'" + f.getValue() + "' is not " + article(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return prefix + "expected " + article(m.getTargetType());
        }
        String where = where(e.getLocation());
        return (where.isEmpty() ? "" : where.substring(1) + ": ") + prefix + firstLine(e.getOriginalMessage());
    }

    private static String article(Class<?> type) {
        if (type == null) {
            return "valid here";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text value";
        }
        return "a mapping of keys";
    }

    private static String known(Collection<Object> ids) {
        return ids == null ? "" : ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static String where(JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 0) {
            return "";
        }
        return ":" + loc.getLineNr() + ":" + loc.getColumnNr();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unreadable";
        }
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).trim();
    }
}
