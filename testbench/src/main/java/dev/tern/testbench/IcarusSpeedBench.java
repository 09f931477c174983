package dev.tern.testbench;

import dev.tern.hdl.ir.Clocking;
import dev.tern.sim.ops.WideOps;

import java.util.ArrayList;
import java.util.List;

/**
 * A Verilog testbench that measures Icarus on the first design of a layout with the inputs of
 * {@code SimBenchmark}: the {@code RandomStimulus} rule (SplitMix64 in Verilog, data inputs in port order,
 * reset in cycle 0 only) drawn into a table of rows replayed as the Java benchmark does, every output word
 * read each cycle. {@code +cycles=N} sets the cycles run; it prints {@code cycles checksum}.
 */
final class IcarusSpeedBench {
    static final String MODULE = "tern_icarus_speed";

    private IcarusSpeedBench() {
    }

    static String verilog(BusLayout layout, String top, long seed, int rows) {
        BusLayout.Dut dut = layout.duts().get(0);
        int in = 64 * layout.inputWords();
        List<String> fill = new ArrayList<>();
        for (BusLayout.Slot slot : dut.dataInputs()) {
            for (int w = 0; w < slot.words(); w++) {
                boolean last = w == slot.words() - 1;
                String mask = last ? " & 64'h" + Long.toHexString(WideOps.topMask(slot.type().width())) : "";
                fill.add("            draw(word); row[" + 64 * (slot.word() + w) + " +: 64] = word" + mask + ";");
            }
        }
        Clocking clocking = dut.clocking();
        dut.reset().ifPresent(r -> fill.add("            row[" + 64 * r.word() + " +: 64] = (r == 0) ? 64'd" + clocking.resetLevel(true)
                + " : 64'd" + clocking.resetLevel(false) + ";"));
        return """
                module %1$s;
                    reg clk = 1'b0;
                    reg [%2$d:0] in_bus = %3$d'd0;
                    wire [%4$d:0] out_bus;
                    reg [%2$d:0] rows [0:%5$d];
                    reg [%2$d:0] row;
                    reg [63:0] state, word, checksum;
                    integer r, c, k, cycles;

                    %6$s top (.clk(clk), .in_bus(in_bus), .out_bus(out_bus));

                    task draw;
                        output [63:0] value;
                        reg [63:0] z;
                        begin
                            state = state + 64'h9e3779b97f4a7c15;
                            z = state;
                            z = (z ^ (z >> 30)) * 64'hbf58476d1ce4e5b9;
                            z = (z ^ (z >> 27)) * 64'h94d049bb133111eb;
                            value = z ^ (z >> 31);
                        end
                    endtask

                    initial begin
                        state = 64'd%7$s;
                        checksum = 64'd0;
                        for (r = 0; r < %8$d; r = r + 1) begin
                            row = %3$d'd0;
                %9$s
                            rows[r] = row;
                        end
                        if (!$value$plusargs("cycles=%%d", cycles)) cycles = 1000;
                        for (c = 0; c < cycles; c = c + 1) begin
                            in_bus = rows[c == 0 ? 0 : 1 + (c - 1) %% %5$d];
                            #1;
                            for (k = 0; k < %10$d; k = k + 1) checksum = checksum ^ out_bus[64 * k +: 64];
                            clk = 1'b1;
                            #1;
                            clk = 1'b0;
                            #1;
                        end
                        $display("%%0d %%h", cycles, checksum);
                        $finish;
                    end
                endmodule
                """.formatted(MODULE, in - 1, in, 64 * layout.outputWords() - 1, rows - 1, top, Long.toUnsignedString(seed),
                rows, String.join("\n", fill), layout.outputWords());
    }
}
