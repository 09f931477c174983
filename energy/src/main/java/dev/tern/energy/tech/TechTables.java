package dev.tern.energy.tech;

import dev.tern.energy.EnergyModelException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** The technology tables shipped with the project, and the lookup the CLI's {@code --tech} uses. */
public final class TechTables {

    /** Names of the built-in tables, as accepted by {@link #resolve(String)}. */
    public static final List<String> BUILT_IN = List.of("45nm", "7nm");

    private TechTables() {
    }

    public static TechTable builtIn(String name) {
        if (!BUILT_IN.contains(name)) {
            throw new EnergyModelException("unknown built-in technology table '" + name + "', known: "
                    + String.join(", ", BUILT_IN));
        }
        String resource = "/dev/tern/energy/tech/" + name + ".json";
        try (InputStream in = TechTables.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in technology table missing from the jar: " + resource);
            }
            return TechTableReader.read(in, "built-in " + name + ".json");
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    /** A built-in table by name ({@code 7nm}, {@code 45nm}), otherwise a table file at that path. */
    public static TechTable resolve(String nameOrPath) {
        return BUILT_IN.contains(nameOrPath) ? builtIn(nameOrPath) : TechTableReader.read(Path.of(nameOrPath));
    }
}
