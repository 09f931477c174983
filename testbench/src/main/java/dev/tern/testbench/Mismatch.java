package dev.tern.testbench;

import dev.tern.hdl.ir.Bits;

import java.nio.file.Path;
import java.util.List;

/**
 * The first disagreement of a cosimulation.
 *
 * @param design     the design's top module
 * @param cycle      the cycle, counted from 0, whose value (before its rising edge) differs
 * @param signal     the output port or probed signal
 * @param engine     the Java engine ({@code compiled}, {@code interpreter})
 * @param tool       the Verilog simulator
 * @param javaValue  the Java simulator's value; wider than the signal (whole words) when bits above its width were set
 * @param toolValue  the Verilog simulator's value, its unknown bits read as 0
 * @param toolUnknown the bits of the Verilog simulator's value that were x or z
 * @param waveforms  the VCD files written around the cycle (one per side), or none
 */
public record Mismatch(String design, long cycle, String signal, String engine, String tool, Bits javaValue,
                       Bits toolValue, Bits toolUnknown, List<Path> waveforms) {
    public Mismatch {
        waveforms = List.copyOf(waveforms);
    }

    /** One line: where, and both values. */
    public String describe() {
        String aboveWidth = javaValue.width() > toolValue.width()
                ? " (bits set above the signal's " + toolValue.width() + " bits)" : "";
        return design + ": cycle " + cycle + ", " + signal + ": " + engine + " engine " + javaValue + aboveWidth + " but " + tool + " "
                + toolValue + (toolUnknown.isTrue() ? " with unknown (x/z) bits " + toolUnknown : "") + (waveforms.isEmpty() ? "" : " (waveforms: " + String.join(", ", waveforms.stream().map(Path::toString).toList()) + ")");
    }
}
