package dev.orderflow.jmeter.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jmeter.services.FileServer;

/**
 * Where a users file named in a shop connection is: an absolute path as it is; a relative one in the
 * test plan's folder (JMeter's base directory) first, then in the folder JMeter was started from.
 */
public final class UsersFileLocation {

    private UsersFileLocation() {
    }

    /** The candidate places, in the order they are tried. */
    public static List<Path> candidates(String configured) {
        Path path = Path.of(FileServer.resolveBaseRelativeName(configured));
        List<Path> candidates = new ArrayList<>(2);
        if (path.isAbsolute()) {
            candidates.add(path);
            return candidates;
        }
        candidates.add(Path.of(FileServer.getFileServer().getBaseDir()).resolve(path).normalize());
        Path workingDirectory = Path.of("").toAbsolutePath().resolve(path).normalize();
        if (!candidates.contains(workingDirectory)) {
            candidates.add(workingDirectory);
        }
        return candidates;
    }

    /** The first candidate that is a readable file, or null. */
    public static Path resolve(String configured) {
        for (Path candidate : candidates(configured)) {
            if (Files.isRegularFile(candidate) && Files.isReadable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
