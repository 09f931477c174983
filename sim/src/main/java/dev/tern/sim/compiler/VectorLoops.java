package dev.tern.sim.compiler;

/**
 * Whether the compiled engine writes lane loops with the Vector API ({@link LaneLoop}). That needs the
 * incubating module {@value #MODULE} in the running JVM ({@code java --add-modules jdk.incubator.vector},
 * as the {@code tern} command starts it) and a preferred {@code LongVector} of at least two lanes; the
 * system property {@value #PROPERTY}{@code =false} turns it off. Without it lane loops are plain loops,
 * which compute the same values.
 */
public final class VectorLoops {
    public static final String MODULE = "jdk.incubator.vector";
    public static final String PROPERTY = "tern.sim.vectors";

    private static final int LANES = preferredLanes();

    private VectorLoops() {
    }

    public static boolean available() {
        return LANES >= 2;
    }

    /** The longs a vector of the preferred species holds, or 0 when vector loops are not available. */
    public static int lanes() {
        return available() ? LANES : 0;
    }

    private static int preferredLanes() {
        if (!Boolean.parseBoolean(System.getProperty(PROPERTY, "true")) || ModuleLayer.boot().findModule(MODULE).isEmpty()) {
            return 0;
        }
        try {
            Object species = Class.forName(MODULE + ".LongVector").getField("SPECIES_PREFERRED").get(null);
            return (Integer) Class.forName(MODULE + ".VectorSpecies").getMethod("length").invoke(species);
        } catch (ReflectiveOperationException | LinkageError e) {
            return 0;
        }
    }
}
