package dev.orderflow.shop.data;

import java.nio.file.Path;

/** A seed data file that is missing or malformed; the message names the file and, where known, the line. */
public final class DataFileException extends RuntimeException {

    private final Path file;
    private final int line;

    public DataFileException(Path file, int line, String problem) {
        super(file + (line > 0 ? " line " + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public DataFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.line = 0;
    }

    public Path file() {
        return file;
    }

    /** One-based line number, or 0 when the problem is the file as a whole. */
    public int line() {
        return line;
    }
}
