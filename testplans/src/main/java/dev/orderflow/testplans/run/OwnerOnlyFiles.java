package dev.orderflow.testplans.run;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files that hold a secret (a keystore, its password, the shop's admin key): readable and writable by their
 * owner only (600), from the moment they exist. They are written under a temporary name created with those
 * permissions and moved into place, so no other user can open them even for an instant, and a reader never
 * sees half a file. On a file system without POSIX permissions (Windows) they are ordinary files.
 */
public final class OwnerOnlyFiles {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFiles() {
    }

    /** Writes the file with permissions 600, replacing what was there. */
    public static void write(Path file, byte[] content) throws IOException {
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temporary = posix(absolute.getParent())
                ? Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp",
                        PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp",
                        new FileAttribute<?>[0]);
        try {
            Files.write(temporary, content);
            move(temporary, absolute);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Copies the file's bytes to the target with permissions 600, whatever the source's permissions. */
    public static void copy(Path source, Path target) throws IOException {
        write(target, Files.readAllBytes(source));
    }

    /** Moves a file into place, replacing the target, and leaves it with permissions 600. */
    public static void move(Path source, Path target) throws IOException {
        restrict(source);
        try {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Takes every permission but the owner's read and write away from an existing file. */
    public static void restrict(Path file) throws IOException {
        if (posix(file)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static boolean posix(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }
}
