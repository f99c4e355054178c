package dev.orderflow.shop.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a small UTF-8 CSV file (RFC 4180, parsed by Commons CSV) and checks its header, so that loaders only
 * deal with typed fields.
 */
final class CsvFile {

    /** Blank lines come through as one empty field (and are skipped), so every record's line number is exact. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

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
                        "expected " + header.size() + " fields (" + String.join(",", header) + ") but found "
                                + row.fields().size());
            }
        }
        return data;
    }

    private static List<CsvRow> parse(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = FORMAT.parse(withoutByteOrderMark(reader))) {
            List<CsvRow> rows = new ArrayList<>();
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                int line = (int) parser.getCurrentLineNumber() + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        return rows;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    throw malformed(file, line, e.getCause());
                }
                if (record.size() > 1 || !record.get(0).isBlank()) {
                    rows.add(new CsvRow(line, record.toList()));
                }
            }
        } catch (NoSuchFileException e) {
            throw new DataFileException(file, 0, "the file does not exist");
        } catch (CharacterCodingException e) {
            throw new DataFileException(file, "the file is not valid UTF-8", e);
        } catch (IOException e) {
            throw new DataFileException(file, "cannot read the file (" + e.getMessage() + ")", e);
        }
    }

    /** Commons CSV names the problem and its line; a wrong encoding surfaces here too while the reader decodes. */
    private static DataFileException malformed(Path file, int line, IOException cause) {
        if (cause instanceof CharacterCodingException) {
            return new DataFileException(file, "the file is not valid UTF-8", cause);
        }
        return new DataFileException(file, line, "not valid CSV: " + cause.getMessage());
    }

    /**
     * Spreadsheet programs save UTF-8 with a byte order mark, which would otherwise become part of the first column's
     * name.
     */
    private static Reader withoutByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }
}
