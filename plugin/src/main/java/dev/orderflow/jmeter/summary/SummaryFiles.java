package dev.orderflow.jmeter.summary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes summary.json and summary.txt into the summary folder, each whole or not at all. */
public final class SummaryFiles {

    public static final String JSON_FILE = "summary.json";
    public static final String TEXT_FILE = "summary.txt";

    private SummaryFiles() {
    }

    public static void write(Path dir, RunSummary summary) throws IOException {
        Files.createDirectories(dir);
        replace(dir.resolve(TEXT_FILE), SummaryText.render(summary));
        // the JSON last: a reader that finds it also finds the text beside it
        replace(dir.resolve(JSON_FILE), SummaryJson.write(summary));
    }

    private static void replace(Path target, String content) throws IOException {
        // a CI step reading the file must never see half of it
        Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".partial");
        try {
            Files.writeString(partial, content, StandardCharsets.UTF_8);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
