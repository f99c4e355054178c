package dev.orderflow.testplans.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Adds "Load machine" to the side menu of every page of a JMeter HTML dashboard, pointing at
 * {@link LoadMachinePage}, so the graph is one click from anywhere in the dashboard.
 */
public final class DashboardLink {

    /** The menu every dashboard page of JMeter 5.6 opens with. */
    static final String MENU = "<ul class=\"nav\" id=\"side-menu\">";

    private DashboardLink() {
    }

    /** Returns the pages that got the link. */
    public static List<Path> addTo(Path dashboard) throws IOException {
        List<Path> linked = new ArrayList<>();
        link(dashboard.resolve("index.html"), "", linked);
        Path pages = dashboard.resolve("content").resolve("pages");
        if (Files.isDirectory(pages)) {
            try (Stream<Path> files = Files.list(pages)) {
                for (Path page : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                    link(page, "../../", linked);
                }
            }
        }
        return linked;
    }

    private static void link(Path page, String toRoot, List<Path> linked) throws IOException {
        if (!Files.isRegularFile(page)) {
            return;
        }
        String html = Files.readString(page, StandardCharsets.UTF_8);
        if (!html.contains(MENU) || html.contains(LoadMachinePage.FILE_NAME)) {
            return;
        }
        String item = "\n                        <li>\n"
                + "                            <a href=\"" + toRoot + LoadMachinePage.FILE_NAME + "\">"
                + "<i class=\"fa fa-tachometer fa-fw\"></i> Load machine</a>\n"
                + "                        </li>";
        Files.writeString(page, html.replace(MENU, MENU + item), StandardCharsets.UTF_8);
        linked.add(page);
    }
}
