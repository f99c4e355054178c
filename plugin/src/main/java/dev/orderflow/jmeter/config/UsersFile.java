package dev.orderflow.jmeter.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The users a run logs in as: users.csv with a header naming the {@code username} and
 * {@code password} columns (in any order, other columns ignored), one user per row.
 *
 * <p>Each file is read once per JVM and shared by every virtual user; a file that changed since
 * (another size or modification time) is read again, so a GUI user who edits it between runs gets
 * the new rows.
 */
public final class UsersFile {

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
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String headerLine = reader.readLine();
            if (headerLine == null) {
                throw new IOException(path + " is empty: it needs a header line username,password and one row per user");
            }
            List<String> header = CsvLine.parse(stripBom(headerLine));
            int usernameColumn = columnOf(header, "username", path);
            int passwordColumn = columnOf(header, "password", path);
            List<Credentials> users = new ArrayList<>();
            String line;
            int lineNumber = 1;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> fields;
                try {
                    fields = CsvLine.parse(line);
                } catch (IOException e) {
                    throw new IOException(path + " line " + lineNumber + ": " + e.getMessage(), e);
                }
                if (fields.size() <= Math.max(usernameColumn, passwordColumn)) {
                    throw new IOException(path + " line " + lineNumber + " has " + fields.size() + " fields, "
                            + header.size() + " expected");
                }
                if (fields.get(usernameColumn).isBlank()) {
                    throw new IOException(path + " line " + lineNumber + " has an empty username");
                }
                users.add(new Credentials(fields.get(usernameColumn), fields.get(passwordColumn)));
            }
            if (users.isEmpty()) {
                throw new IOException(path + " has a header but no users");
            }
            return new UsersFile(path, users);
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

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    private record Version(Path path, long size, long modifiedMillis) {
    }
}
