package dev.orderflow.jmeter.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The users a run logs in as: users.csv with a header naming the {@code username} and
 * {@code password} columns (in any order, other columns ignored), one user per row.
 *
 * <p>Each file is read once per JVM and shared by every virtual user; a file that changed since
 * (another size or modification time) is read again, so a GUI user who edits it between runs gets
 * the new rows.
 */
public final class UsersFile {

    /** Blank lines come through as one empty field (and are skipped), so every record's line number is exact. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private static final ConcurrentMap<Version, UsersFile> READ = new ConcurrentHashMap<>();

    private final Path path;
    private final List<Credentials> users;

    private UsersFile(Path path, List<Credentials> users) {
        this.path = path;
        this.users = Collections.unmodifiableList(users);
    }

    /**
     * The users of the file, read now or earlier in this JVM.
     *
     * @throws IOException when the file cannot be read or is not a users file
     */
    public static UsersFile of(Path path) throws IOException {
        Path absolute = path.toAbsolutePath().normalize();
        BasicFileAttributes attributes = Files.readAttributes(absolute, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new IOException(absolute + " is not a file");
        }
        Version version = new Version(absolute, attributes.size(), attributes.lastModifiedTime().toMillis());
        try {
            return READ.computeIfAbsent(version, v -> {
                try {
                    return read(v.path());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    public Path path() {
        return path;
    }

    public int size() {
        return users.size();
    }

    /** The user on row {@code index} (0 = the first row after the header). */
    public Credentials user(int index) {
        return users.get(index);
    }

    private static UsersFile read(Path path) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
             CSVParser parser = FORMAT.parse(withoutByteOrderMark(reader))) {
            Iterator<CSVRecord> records = parser.iterator();
            List<String> header = next(records, path, 1);
            if (header == null) {
                throw new IOException(path
                        + " is empty: it needs a header line username,password and one row per user");
            }
            int usernameColumn = columnOf(header, "username", path);
            int passwordColumn = columnOf(header, "password", path);
            List<Credentials> users = new ArrayList<>();
            List<String> fields;
            long line = parser.getCurrentLineNumber() + 1;
            for (; (fields = next(records, path, line)) != null; line = parser.getCurrentLineNumber() + 1) {
                if (fields.size() == 1 && fields.get(0).isBlank()) {
                    continue;
                }
                if (fields.size() <= Math.max(usernameColumn, passwordColumn)) {
                    throw new IOException(path + " line " + line + " has " + fields.size() + " fields, "
                            + header.size() + " expected");
                }
                if (fields.get(usernameColumn).isBlank()) {
                    throw new IOException(path + " line " + line + " has an empty username");
                }
                users.add(new Credentials(fields.get(usernameColumn), fields.get(passwordColumn)));
            }
            if (users.isEmpty()) {
                throw new IOException(path + " has a header but no users");
            }
            return new UsersFile(path, users);
        }
    }

    /** The next record's fields, or null at the end; Commons CSV's messages name the line, never its text. */
    private static List<String> next(Iterator<CSVRecord> records, Path path, long line) throws IOException {
        try {
            return records.hasNext() ? records.next().toList() : null;
        } catch (UncheckedIOException e) {
            throw new IOException(path + " line " + line + " is not valid CSV: " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    private static int columnOf(List<String> header, String name, Path path) throws IOException {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return i;
            }
        }
        // the first line may be a user's row rather than a header: its text is never quoted, it may hold a password
        throw new IOException(path + " line 1 has no '" + name + "' column: the first line must be the header "
                + "username,password (in any order), then one row per user");
    }

    /** Spreadsheet programs save UTF-8 with a byte order mark, which would otherwise become part of "username". */
    private static Reader withoutByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    private record Version(Path path, long size, long modifiedMillis) {
    }
}
