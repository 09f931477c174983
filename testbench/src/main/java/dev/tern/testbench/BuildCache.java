package dev.tern.testbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * Built simulator models, each in a directory named by a hash of everything that went into it, under
 * {@code $TERN_CACHE} or {@code ~/.cache/tern}. A build happens in a private directory that is renamed
 * into place when complete, so concurrent test runs never see half a model.
 */
public final class BuildCache {
    /** Builds a model's files into an empty directory. */
    @FunctionalInterface
    interface Builder {
        void build(Path directory) throws IOException;
    }

    private BuildCache() {
    }

    static Path root() {
        String override = System.getenv("TERN_CACHE");
        return override != null && !override.isBlank() ? Path.of(override) : Path.of(System.getProperty("user.home"), ".cache", "tern");
    }

    /** 32 hex digits of the SHA-256 of the parts, each prefixed by its length so that no two splits collide. */
    public static String hash(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) ':');
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The directory for {@code key} under {@code kind}, built by {@code builder} unless already there. */
    static Path directory(String kind, String key, Builder builder) {
        Path done = root().resolve(kind).resolve(key);
        if (Files.isDirectory(done)) {
            return done;
        }
        try {
            Files.createDirectories(done.getParent());
            Path work = Files.createTempDirectory(done.getParent(), key + ".building-");
            try {
                builder.build(work);
                try {
                    Files.move(work, done, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
                    if (!Files.isDirectory(done)) {
                        throw e;
                    }
                }
            } finally {
                deleteTree(work);
            }
            return done;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
