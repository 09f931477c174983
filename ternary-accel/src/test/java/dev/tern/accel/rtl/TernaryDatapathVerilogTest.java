package dev.tern.accel.rtl;

import dev.tern.accel.AcceleratorConfig;
import dev.tern.accel.EmittedVerilog;
import dev.tern.accel.WeightEncoding;
import dev.tern.accel.bench.XilinxSynthesis;
import dev.tern.hdl.Elaborator;
import dev.tern.hdl.ir.Design;
import dev.tern.verilog.ToolRequirement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The datapath's Verilog: multiplier-free text, Verilator -Wall clean, no DSP after synth_xilinx, Icarus compiles; its adders
 * map onto the carry chain at one LUT per bit.
 */
class TernaryDatapathVerilogTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "lanes={0} rows={1} every={2} {3}")
    @CsvSource({
            "16, 2, 1, TWO_BIT",
            "16, 1, 4, BASE3",
            "32, 1, 3, TWO_BIT",
    })
    void datapathIsMultiplierFreeLintCleanAndWithoutDsp(int lanes, int rows, int every, WeightEncoding encoding) throws IOException {
        AcceleratorConfig config = new AcceleratorConfig(lanes, rows, every, encoding, 16, 16);
        checkDesign(Elaborator.elaborate(() -> new TernaryMatVecCore(config)));
    }

    private void checkDesign(Design design) throws IOException {
        List<Path> files = EmittedVerilog.write(design, dir);
        String top = design.top().name();
        for (Path file : files) {
            assertFalse(withoutComments(Files.readString(file)).contains("*"), file + " has a '*'");
        }

        EmittedVerilog.assertLintCleanAndCompiles(dir, files, top);
        EmittedVerilog.assertMapsToLutsWithoutDsp(dir, files, top);
    }

    @ParameterizedTest(name = "unit lanes={0} rows={1} every={2} {3}")
    @CsvSource({
            "16, 2, 2, TWO_BIT",
            "16, 1, 1, BASE3",
    })
    void matmulUnitIsMultiplierFreeLintCleanAndWithoutDsp(int lanes, int rows, int every, WeightEncoding encoding) throws IOException {
        checkDesign(Elaborator.elaborate(() -> new TernaryMatmulUnit(new AcceleratorConfig(lanes, rows, every, encoding, 64, 16))));
    }

    @Test
    void plusMinusAdderMapsToOneLutPerWordBitPlusTheGuard() throws IOException {
        int width = 13;
        List<Path> files = EmittedVerilog.write(Elaborator.elaborate(() -> new PlusMinusAdder(width)), dir);
        ToolRequirement.require("yosys");
        XilinxSynthesis synthesis = XilinxSynthesis.of(dir, files, "PlusMinusAdder_width" + width);
        assertTrue(synthesis.run().succeeded(), synthesis.run().output());
        // The sign select folds into the carry chain's propagate LUTs only while a reaches the chain unchanged.
        assertTrue(synthesis.luts() <= width + 1, "LUTs of a " + width + "-bit plus-minus adder: " + synthesis.cells());
        assertEquals(0, synthesis.dsps(), "DSP cells in " + synthesis.cells());
    }

    static String withoutComments(String verilog) {
        return verilog.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
    }
}
