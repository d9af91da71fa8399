package org.nlscope.decode.spec;

/**
 * A parsed dissector file and the name it is reported under.
 *
 * @param source the file as errors name it: "dissectors/rtnetlink/link.yaml" for built-in files, else its path
 */
public record SpecFile(String source, FamilySpec spec) {
}
