package dev.tern.synth.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tern.synth.ResourceCounts;
import dev.tern.synth.SynthTarget;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Synthesis results kept by a SHA-256 of everything they depend on: the emitted Verilog, the
 * target's Yosys command and the Yosys version. A changed generator, parameter or tool gives a new key.
 */
public final class AreaCache {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Path directory;

    public AreaCache(Path directory) {
        this.directory = directory;
    }

    public static String key(Map<String, String> verilogFiles, SynthTarget target, String yosysVersion) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            update(sha, target.yosysCommand());
            update(sha, yosysVersion);
            for (Map.Entry<String, String> file : verilogFiles.entrySet()) {
                update(sha, file.getKey());
                update(sha, file.getValue());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Length-prefixed, so that moving text between fields changes the key. */
    private static void update(MessageDigest sha, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(bytes);
    }

    public Optional<ResourceCounts> find(String key, SynthTarget target) throws IOException {
        Path file = file(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode json = MAPPER.readTree(file.toFile());
        Map<String, Long> cells = new TreeMap<>();
        json.path("cells_by_type").fields().forEachRemaining(e -> cells.put(e.getKey(), e.getValue().asLong()));
        return Optional.of(new ResourceCounts(target, cells));
    }

    /** Written to a temporary file and moved into place, so parallel runs never read half a result. */
    public void store(String key, ResourceCounts counts) throws IOException {
        Files.createDirectories(directory);
        ObjectNode json = MAPPER.createObjectNode();
        json.put("target", counts.target().id());
        ObjectNode cells = json.putObject("cells_by_type");
        counts.cellsByType().forEach(cells::put);
        Path temporary = Files.createTempFile(directory, key, ".tmp");
        Files.writeString(temporary, MAPPER.writeValueAsString(json), StandardCharsets.UTF_8);
        try {
            Files.move(temporary, file(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file(key), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Path file(String key) {
        return directory.resolve(key + ".json");
    }
}
