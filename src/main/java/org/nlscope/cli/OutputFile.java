package org.nlscope.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.nlscope.session.io.CaptureSaver;

/**
 * A file written under a temporary name beside its target and renamed into place only
 * when complete, so a failure (a full disk, a damaged input, Ctrl-C) leaves no partial
 * output behind: {@link #close()} without {@link #commit()} deletes it.
 */
final class OutputFile implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private boolean committed;

    private OutputFile(Path target, Path temp) {
        this.target = target;
        this.temp = temp;
    }

    static OutputFile create(Path target) throws CliException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            throw new CliException(target + ": cannot create: is a directory", Main.EXIT_FILE);
        }
        try {
            Path temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".part");
            temp.toFile().deleteOnExit();
            return new OutputFile(target, temp);
        } catch (IOException e) {
            throw new CliException(target + ": cannot create: " + reason(e, dir), Main.EXIT_FILE);
        }
    }

    /** Where to write. */
    Path temp() {
        return temp;
    }

    /** Puts the complete file in place of the target. */
    void commit() throws CliException {
        try {
            CaptureSaver.replace(temp, target);
            committed = true;
        } catch (IOException e) {
            throw new CliException(target + ": cannot write: " + reason(e, target.toAbsolutePath().getParent()), Main.EXIT_FILE);
        }
    }

    @Override
    public void close() {
        if (!committed) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // nothing more to do: the temporary name starts with a dot and ends in .part
            }
        }
    }

    /** Why a file operation in directory {@code where} failed: no such directory, permission denied, read-only file system. */
    static String reason(IOException e, Path where) {
        if (e instanceof NoSuchFileException) {
            return Files.exists(where) ? "no such file or directory" : "no such directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return Errors.oneLine(String.valueOf(e.getMessage()));
    }
}
