package dev.tern.synth;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A Yosys synthesis flow and how its primitive cells are counted. */
public enum SynthTarget {
    /** AMD/Xilinx 7-series and UltraScale: LUT1..LUT6, FD*, CARRY4/8, RAMB*, DSP48*. */
    XILINX("xilinx", "synth_xilinx"),
    /** Lattice iCE40: SB_LUT4, SB_DFF*, SB_CARRY, SB_RAM40_4K, SB_MAC16; kept hierarchical for per-module counts. */
    ICE40("ice40", "synth_ice40 -noflatten"),
    /** Technology-independent gates and flip-flops. */
    GENERIC("generic", "synth");

    private final String id;
    private final String yosysCommand;

    SynthTarget(String id, String yosysCommand) {
        this.id = id;
        this.yosysCommand = yosysCommand;
    }

    /** The name users type: {@code xilinx}, {@code ice40}, {@code generic}. */
    public String id() {
        return id;
    }

    /** The Yosys command, without {@code -top}. */
    public String yosysCommand() {
        return yosysCommand;
    }

    /** @throws SynthException for a name that is not a target, listing the ones that are */
    public static SynthTarget parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (SynthTarget target : values()) {
            if (target.id.equals(wanted)) {
                return target;
            }
        }
        throw new SynthException("unknown synthesis target '" + text + "'; targets: "
                + Arrays.stream(values()).map(SynthTarget::id).collect(Collectors.joining(", ")));
    }

    /** The category of a primitive cell type of this target's netlists. */
    public CellCategory categoryOf(String cellType) {
        return switch (this) {
            case XILINX -> xilinx(cellType);
            case ICE40 -> ice40(cellType);
            case GENERIC -> generic(cellType);
        };
    }

    private static CellCategory xilinx(String type) {
        if (type.matches("LUT[1-6]")) {
            return CellCategory.LUT;
        }
        if (type.startsWith("FD")) {
            return CellCategory.FLIP_FLOP;
        }
        if (type.startsWith("CARRY")) {
            return CellCategory.CARRY;
        }
        if (type.startsWith("RAMB") || type.startsWith("URAM")) {
            return CellCategory.BLOCK_RAM;
        }
        if (type.startsWith("DSP")) {
            return CellCategory.DSP;
        }
        return CellCategory.OTHER;
    }

    private static CellCategory ice40(String type) {
        if (type.equals("SB_LUT4")) {
            return CellCategory.LUT;
        }
        if (type.startsWith("SB_DFF")) {
            return CellCategory.FLIP_FLOP;
        }
        if (type.equals("SB_CARRY")) {
            return CellCategory.CARRY;
        }
        if (type.startsWith("SB_RAM40_4K") || type.equals("SB_SPRAM256KA")) {
            return CellCategory.BLOCK_RAM;
        }
        if (type.equals("SB_MAC16")) {
            return CellCategory.DSP;
        }
        return CellCategory.OTHER;
    }

    private static CellCategory generic(String type) {
        if (type.matches("\\$_(S?DFFS?E?|DFFSRE?|SDFFCE|ALDFFE?|DLATCH|SR)_.*")) {
            return CellCategory.FLIP_FLOP;
        }
        if (type.startsWith("$mem")) {
            return CellCategory.BLOCK_RAM;
        }
        if (type.startsWith("$_")) {
            return CellCategory.LOGIC_GATE;
        }
        return CellCategory.OTHER;
    }
}
