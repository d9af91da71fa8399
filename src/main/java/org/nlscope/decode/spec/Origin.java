package org.nlscope.decode.spec;

/** Where a name was defined in a family's files: for "already defined" errors. */
record Origin(SpecFile file, String path) {
}
