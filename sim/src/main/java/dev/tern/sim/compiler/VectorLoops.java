package dev.tern.sim.compiler;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.lang.management.ManagementFactory;

/**
 * Whether the compiled engine writes lane loops with the Vector API ({@link LaneLoop}). That needs the
 * incubating module {@value #MODULE} in the running JVM ({@code java --add-modules jdk.incubator.vector},
 * as the {@code tern} command starts it), a preferred {@code LongVector} of at least two lanes, and C2, which
 * turns the Vector API's operations into vector instructions (without it, under {@code -XX:TieredStopAtLevel=1}
 * or {@code -Xint}, a vector loop runs tens of times slower than a plain one); the system property
 * {@value #PROPERTY}{@code =false} turns it off. Without it lane loops are plain loops, which compute the same
 * values.
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

    private static int preferredLanes() {
        if (!Boolean.parseBoolean(System.getProperty(PROPERTY, "true")) || ModuleLayer.boot().findModule(MODULE).isEmpty()
                || !optimisingCompilerRuns()) {
            return 0;
        }
        try {
            Object species = Class.forName(MODULE + ".LongVector").getField("SPECIES_PREFERRED").get(null);
            return (Integer) Class.forName(MODULE + ".VectorSpecies").getMethod("length").invoke(species);
        } catch (ReflectiveOperationException | LinkageError e) {
            return 0;
        }
    }

    /** Whether HotSpot compiles hot code with C2; assumed of a JVM that does not say. */
    private static boolean optimisingCompilerRuns() {
        HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (hotSpot == null) {
            return true;
        }
        try {
            boolean compiles = Boolean.parseBoolean(hotSpot.getVMOption("UseCompiler").getValue());
            boolean tiered = Boolean.parseBoolean(hotSpot.getVMOption("TieredCompilation").getValue());
            int highestTier = Integer.parseInt(hotSpot.getVMOption("TieredStopAtLevel").getValue());
            return compiles && (!tiered || highestTier >= 4);
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
