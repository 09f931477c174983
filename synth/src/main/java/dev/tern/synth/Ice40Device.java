package dev.tern.synth;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The iCE40 parts nextpnr-ice40 places for, with the resources the fit check compares against.
 *
 * @param logicCells     ICESTORM_LC: one LUT4, one flip-flop and one carry each
 * @param blockRams      SB_RAM40_4K (4 kbit each)
 * @param dsps           SB_MAC16
 * @param spRams         SB_SPRAM256KA (256 kbit each)
 */
public enum Ice40Device {
    UP5K("up5k", "sg48", 5280, 30, 8, 4),
    HX8K("hx8k", "ct256", 7680, 32, 0, 0);

    private final String id;
    private final String defaultPackage;
    private final long logicCells;
    private final long blockRams;
    private final long dsps;
    private final long spRams;

    Ice40Device(String id, String defaultPackage, long logicCells, long blockRams, long dsps, long spRams) {
        this.id = id;
        this.defaultPackage = defaultPackage;
        this.logicCells = logicCells;
        this.blockRams = blockRams;
        this.dsps = dsps;
        this.spRams = spRams;
    }

    public String id() {
        return id;
    }

    public String defaultPackage() {
        return defaultPackage;
    }

    /** nextpnr-ice40's option for the part, e.g. {@code --up5k}. */
    public String nextpnrOption() {
        return "--" + id;
    }

    public long logicCells() {
        return logicCells;
    }

    public long blockRams() {
        return blockRams;
    }

    public long dsps() {
        return dsps;
    }

    public long spRams() {
        return spRams;
    }

    /** @throws SynthException for a name that is not a device, listing the ones that are */
    public static Ice40Device parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (Ice40Device device : values()) {
            if (device.id.equals(wanted)) {
                return device;
            }
        }
        throw new SynthException("unknown iCE40 device '" + text + "'; devices: "
                + Arrays.stream(values()).map(Ice40Device::id).collect(Collectors.joining(", ")));
    }
}
