package dev.tern.energy.tech;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import dev.tern.energy.EnergyModelException;
import dev.tern.energy.count.OpType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a technology table from JSON, checking every field; a malformed table fails with a one-line
 * {@link EnergyModelException} naming the file and the field ({@code arithmetic[2].energy}).
 *
 * <p>Format: {@code name}, optional {@code description}, and four sections whose entries each
 * carry {@code energy}, {@code unit}, {@code kind} (published, derived or estimate) and
 * {@code source}: {@code arithmetic} ({@code op} add|mul, {@code format} int|fp, {@code bits}),
 * {@code sram} ({@code capacity_bytes}, {@code access_bits}), {@code register} (one object, per bit)
 * and {@code dram} ({@code type}, {@code device_only}, per bit). Units per operation or access are
 * fJ, pJ or nJ; per bit, fJ/bit, pJ/bit or nJ/bit.
 */
public final class TechTableReader {

    /** Larger than any honest table by orders of magnitude; refuses to build a tree from a huge file. */
    private static final long MAX_FILE_BYTES = 1 << 20;

    private static final Map<String, Double> PER_OPERATION_UNITS = Map.of("fJ", 1e-3, "pJ", 1.0, "nJ", 1e3);
    private static final Map<String, Double> PER_BIT_UNITS = Map.of("fJ/bit", 1e-3, "pJ/bit", 1.0, "nJ/bit", 1e3);

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private TechTableReader() {
    }

    public static TechTable read(Path file) {
        String origin = file.toString();
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new EnergyModelException(origin + ": cannot read technology table: " + describe(e));
        }
        if (size > MAX_FILE_BYTES) {
            throw new EnergyModelException(origin + ": " + size + " bytes is too large for a technology table (limit "
                    + MAX_FILE_BYTES + ")");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, origin);
        } catch (IOException e) {
            throw new EnergyModelException(origin + ": cannot read technology table: " + describe(e));
        }
    }

    /** Reads a table from a stream; {@code origin} names it in errors. */
    public static TechTable read(InputStream in, String origin) {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new EnergyModelException(origin + ": not valid JSON" + where + ": " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(origin + ": cannot read technology table", e);
        }
        if (root == null || !root.isObject()) {
            throw new EnergyModelException(origin + ": a technology table must be a JSON object");
        }
        return new Fields(origin).table(root);
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed input";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Field access that names the file and the JSON path of whatever is wrong. */
    private record Fields(String origin) {

        TechTable table(JsonNode root) {
            String name = text(root, "name", "name");
            String description = root.has("description") ? text(root, "description", "description") : "";
            List<ArithmeticEntry> arithmetic = arithmetic(array(root, "arithmetic"));
            List<SramEntry> sram = sram(array(root, "sram"));
            RegisterEntry register = register(object(root, "register", "register"));
            List<DramEntry> dram = dram(array(root, "dram"));
            return new TechTable(name, description, origin, arithmetic, sram, register, dram);
        }

        private List<ArithmeticEntry> arithmetic(JsonNode entries) {
            List<ArithmeticEntry> result = new ArrayList<>();
            Set<OpType> seen = new HashSet<>();
            for (int i = 0; i < entries.size(); i++) {
                String path = "arithmetic[" + i + "]";
                JsonNode entry = element(entries, i, path);
                OpType.Kind kind = choice(entry, "op", path, Map.of("add", OpType.Kind.ADD, "mul", OpType.Kind.MUL));
                OpType.Format format = choice(entry, "format", path,
                        Map.of("int", OpType.Format.INT, "fp", OpType.Format.FP));
                int bits = positiveInt(entry, "bits", path);
                OpType op = new OpType(kind, format, bits);
                if (!seen.add(op)) {
                    throw fail(path, "second entry for " + op.label());
                }
                result.add(new ArithmeticEntry(op, energy(entry, path, PER_OPERATION_UNITS), provenance(entry, path)));
            }
            requireOperation(seen, OpType.Kind.ADD, OpType.Format.INT, "an integer add");
            requireOperation(seen, OpType.Kind.MUL, OpType.Format.INT, "an integer multiply");
            requireExact(seen, OpType.fpAdd(16));
            requireExact(seen, OpType.fpMul(16));
            return result;
        }

        private void requireOperation(Set<OpType> seen, OpType.Kind kind, OpType.Format format, String what) {
            if (seen.stream().noneMatch(op -> op.kind() == kind && op.format() == format)) {
                throw fail("arithmetic", "needs at least " + what);
            }
        }

        private void requireExact(Set<OpType> seen, OpType op) {
            if (!seen.contains(op)) {
                throw fail("arithmetic", "needs an " + op.label() + " entry");
            }
        }

        private List<SramEntry> sram(JsonNode entries) {
            List<SramEntry> result = new ArrayList<>();
            Set<Long> capacities = new HashSet<>();
            for (int i = 0; i < entries.size(); i++) {
                String path = "sram[" + i + "]";
                JsonNode entry = element(entries, i, path);
                long capacity = positiveLong(entry, "capacity_bytes", path);
                if (!capacities.add(capacity)) {
                    throw fail(path + ".capacity_bytes", "second entry for " + capacity + " bytes");
                }
                int accessBits = positiveInt(entry, "access_bits", path);
                result.add(new SramEntry(capacity, accessBits, energy(entry, path, PER_OPERATION_UNITS),
                        provenance(entry, path)));
            }
            return result;
        }

        private RegisterEntry register(JsonNode entry) {
            return new RegisterEntry(energy(entry, "register", PER_BIT_UNITS), provenance(entry, "register"));
        }

        private List<DramEntry> dram(JsonNode entries) {
            List<DramEntry> result = new ArrayList<>();
            Set<String> types = new HashSet<>();
            for (int i = 0; i < entries.size(); i++) {
                String path = "dram[" + i + "]";
                JsonNode entry = element(entries, i, path);
                String type = text(entry, "type", path + ".type");
                if (!types.add(type.toUpperCase(Locale.ROOT))) {
                    throw fail(path + ".type", "second entry for DRAM type " + type);
                }
                JsonNode deviceOnly = required(entry, "device_only", path);
                if (!deviceOnly.isBoolean()) {
                    throw fail(path + ".device_only", "must be true or false");
                }
                result.add(new DramEntry(type, energy(entry, path, PER_BIT_UNITS), deviceOnly.booleanValue(),
                        provenance(entry, path)));
            }
            return result;
        }

        private double energy(JsonNode entry, String path, Map<String, Double> units) {
            JsonNode value = required(entry, "energy", path);
            if (!value.isNumber()) {
                throw fail(path + ".energy", "must be a number");
            }
            double energy = value.doubleValue();
            if (energy < 0 || !Double.isFinite(energy)) {
                throw fail(path + ".energy", "negative or non-finite energy " + value.asText());
            }
            String unit = text(entry, "unit", path + ".unit");
            Double scale = units.get(unit);
            if (scale == null) {
                throw fail(path + ".unit", "unknown unit '" + unit + "' (expected one of "
                        + String.join(", ", units.keySet().stream().sorted().toList()) + ")");
            }
            return energy * scale;
        }

        private Provenance provenance(JsonNode entry, String path) {
            Provenance.Kind kind = choice(entry, "kind", path, Map.of(
                    "published", Provenance.Kind.PUBLISHED,
                    "derived", Provenance.Kind.DERIVED,
                    "estimate", Provenance.Kind.ESTIMATE));
            return new Provenance(kind, text(entry, "source", path + ".source"));
        }

        private <T> T choice(JsonNode entry, String field, String path, Map<String, T> choices) {
            String value = text(entry, field, path + "." + field);
            T choice = choices.get(value);
            if (choice == null) {
                throw fail(path + "." + field, "unknown value '" + value + "' (expected one of "
                        + String.join(", ", choices.keySet().stream().sorted().toList()) + ")");
            }
            return choice;
        }

        private int positiveInt(JsonNode entry, String field, String path) {
            long value = positiveLong(entry, field, path);
            if (value > Integer.MAX_VALUE) {
                throw fail(path + "." + field, "too large: " + value);
            }
            return (int) value;
        }

        private long positiveLong(JsonNode entry, String field, String path) {
            JsonNode value = required(entry, field, path);
            if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() <= 0) {
                throw fail(path + "." + field, "must be a positive integer, found " + value);
            }
            return value.longValue();
        }

        private String text(JsonNode node, String field, String path) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                throw fail(path, "missing");
            }
            if (!value.isTextual() || value.textValue().isBlank()) {
                throw fail(path, "must be a non-empty string");
            }
            return value.textValue();
        }

        private JsonNode array(JsonNode root, String field) {
            JsonNode value = root.get(field);
            if (value == null || value.isNull()) {
                throw fail(field, "missing");
            }
            if (!value.isArray() || value.isEmpty()) {
                throw fail(field, "must be a non-empty array");
            }
            return value;
        }

        private JsonNode object(JsonNode root, String field, String path) {
            JsonNode value = root.get(field);
            if (value == null || value.isNull()) {
                throw fail(path, "missing");
            }
            if (!value.isObject()) {
                throw fail(path, "must be an object");
            }
            return value;
        }

        private JsonNode element(JsonNode array, int index, String path) {
            JsonNode value = array.get(index);
            if (!value.isObject()) {
                throw fail(path, "must be an object");
            }
            return value;
        }

        private JsonNode required(JsonNode entry, String field, String path) {
            JsonNode value = entry.get(field);
            if (value == null || value.isNull()) {
                throw fail(path + "." + field, "missing");
            }
            return value;
        }

        private EnergyModelException fail(String path, String problem) {
            return new EnergyModelException(origin + ": " + path + ": " + problem);
        }
    }
}
