package dev.orderflow.jmeter.config;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Splits one CSV line into fields: commas separate, double quotes enclose, "" is a quote inside quotes. */
final class CsvLine {

    private CsvLine() {
    }

    static List<String> parse(String line) throws IOException {
        List<String> fields = new ArrayList<>(2);
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IOException("a quoted field is not closed"); // the line itself may hold a password: not quoted here
        }
        fields.add(field.toString());
        return fields;
    }
}
