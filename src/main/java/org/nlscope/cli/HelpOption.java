package org.nlscope.cli;

import picocli.CommandLine.Option;

/**
 * {@code -h, --help} for a subcommand. Not picocli's standard mixin: that also claims
 * {@code -V}, which {@code read} and {@code capture} use for the full tree (as tshark does);
 * {@code --version} belongs to {@code nlscope} itself.
 */
final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;
}
