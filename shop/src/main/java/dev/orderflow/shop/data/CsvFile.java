package dev.orderflow.shop.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a small UTF-8 CSV file (RFC 4180: comma separated, fields optionally in double quotes with
 * {@code ""} for a quote) and checks its header, so that loaders only deal with typed fields.
 */
final class CsvFile {

    private CsvFile() {
    }

    /** The data rows of {@code file}, after checking that its first line is exactly {@code header}. */
    static List<CsvRow> read(Path file, List<String> header) {
        List<CsvRow> rows = parse(file);
        if (rows.isEmpty()) {
            throw new DataFileException(file, 1, "the file is empty; expected the header " + String.join(",", header));
        }
        CsvRow first = rows.get(0);
        List<String> found = first.fields().stream().map(String::strip).toList();
        if (!found.equals(header)) {
            throw new DataFileException(file, first.line(),
                    "expected the header " + String.join(",", header) + " but found " + String.join(",", found));
        }
        List<CsvRow> data = rows.subList(1, rows.size());
        for (CsvRow row : data) {
            if (row.fields().size() != header.size()) {
                throw new DataFileException(file, row.line(),
                        "expected " + header.size() + " fields (" + String.join(",", header) + ") but found " + row.fields().size());
            }
        }
        return data;
    }

    private static List<CsvRow> parse(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new Parser(file, reader).records();
        } catch (NoSuchFileException e) {
            throw new DataFileException(file, 0, "the file does not exist");
        } catch (CharacterCodingException e) {
            throw new DataFileException(file, "the file is not valid UTF-8", e);
        } catch (IOException e) {
            throw new DataFileException(file, "cannot read the file (" + e.getMessage() + ")", e);
        }
    }

    /** A character-level parser; blank lines between records are skipped. */
    private static final class Parser {
        private final Path file;
        private final BufferedReader in;
        private int line = 1;

        Parser(Path file, BufferedReader in) {
            this.file = file;
            this.in = in;
        }

        List<CsvRow> records() throws IOException {
            List<CsvRow> records = new ArrayList<>();
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            int recordLine = line;
            boolean quoted = false;
            boolean fieldWasQuoted = false;
            boolean recordHasContent = false;
            int c = in.read();
            if (c == '\uFEFF') {
                c = in.read();
            }
            while (c != -1) {
                if (quoted) {
                    if (c == '"') {
                        int next = in.read();
                        if (next == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            c = next;
                            continue;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append((char) c);
                    }
                } else if (c == '"') {
                    if (field.length() > 0 || fieldWasQuoted) {
                        throw new DataFileException(file, line, "a quote inside an unquoted field");
                    }
                    quoted = true;
                    fieldWasQuoted = true;
                    recordHasContent = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    fieldWasQuoted = false;
                    recordHasContent = true;
                } else if (c == '\r' || c == '\n') {
                    if (c == '\r') {
                        int next = in.read();
                        if (next != '\n') {
                            throw new DataFileException(file, line, "a carriage return not followed by a line feed");
                        }
                    }
                    if (recordHasContent || field.length() > 0) {
                        fields.add(field.toString());
                        records.add(new CsvRow(recordLine, List.copyOf(fields)));
                    }
                    fields.clear();
                    field.setLength(0);
                    fieldWasQuoted = false;
                    recordHasContent = false;
                    line++;
                    recordLine = line;
                } else {
                    if (fieldWasQuoted) {
                        throw new DataFileException(file, line, "text after the closing quote of a field");
                    }
                    field.append((char) c);
                    recordHasContent = true;
                }
                c = in.read();
            }
            if (quoted) {
                throw new DataFileException(file, recordLine, "a quoted field is not closed");
            }
            if (recordHasContent || field.length() > 0) {
                fields.add(field.toString());
                records.add(new CsvRow(recordLine, List.copyOf(fields)));
            }
            return records;
        }
    }
}
