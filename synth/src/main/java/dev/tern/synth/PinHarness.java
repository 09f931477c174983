package dev.tern.synth;

import dev.tern.hdl.ir.ModuleDef;
import dev.tern.hdl.ir.Net;

import java.util.ArrayList;
import java.util.List;

/**
 * A top module that puts a design on an FPGA through five pins, so a core with hundreds of port bits
 * can be placed, routed and timed out of context: every input bit comes from a shift register fed by
 * {@code shift_in}, every output bit is captured into a shift register (on {@code capture}) that
 * drains to {@code shift_out}. All the design's ports are then register-to-register paths, and no
 * logic can be optimised away because every output is observable.
 */
public final class PinHarness {
    public static final String SHIFT_IN = "shift_in";
    public static final String CAPTURE = "capture";
    public static final String SHIFT_OUT = "shift_out";
    /** Clock, reset, shift in, capture and shift out. */
    public static final int PINS = 5;

    private final ModuleDef top;

    public PinHarness(ModuleDef top) {
        this.top = top;
    }

    /** The harness module's name: the design's top with {@code _harness}. */
    public String name() {
        return top.name() + "_harness";
    }

    /** Input bits of the design, the length of the input shift register. */
    public int inputBits() {
        return top.inputs().stream().mapToInt(p -> p.type().width()).sum();
    }

    /** Output bits of the design, the length of the output shift register. */
    public int outputBits() {
        return top.outputs().stream().mapToInt(p -> p.type().width()).sum();
    }

    /**
     * The harness as Verilog-2005.
     *
     * @throws SynthException for a design without outputs: synthesis would remove all of it
     */
    public String verilog() {
        if (outputBits() == 0) {
            throw new SynthException(top.name() + " has no outputs; synthesis would remove all of its logic");
        }
        // The harness's clock and reset pins carry the core's names and levels straight through.
        String clock = top.clocking().clock();
        String reset = top.clocking().reset();
        StringBuilder v = new StringBuilder();
        v.append("// ").append(name()).append(": ").append(top.name())
                .append("'s ports through shift registers, for place and route out of context\n");
        v.append("module ").append(name()).append(" (\n")
                .append("    input  wire ").append(clock).append(",\n")
                .append("    input  wire ").append(reset).append(",\n")
                .append("    input  wire ").append(SHIFT_IN).append(",\n")
                .append("    input  wire ").append(CAPTURE).append(",\n")
                .append("    output wire ").append(SHIFT_OUT).append("\n")
                .append(");\n");
        List<String> connections = new ArrayList<>();
        if (top.isClocked()) {
            connections.add("." + clock + "(" + clock + ")");
            connections.add("." + reset + "(" + reset + ")");
        }
        int in = inputBits();
        if (in > 0) {
            v.append("    reg [").append(in - 1).append(":0] in_chain;\n")
                    .append("    always @(posedge ").append(clock).append(") in_chain <= (in_chain << 1) | ")
                    .append(SHIFT_IN).append(";\n");
            connections.addAll(slices(top.inputs(), "in_chain"));
        }
        int out = outputBits();
        v.append("    wire [").append(out - 1).append(":0] outs;\n")
                .append("    reg [").append(out - 1).append(":0] out_chain;\n")
                .append("    always @(posedge ").append(clock).append(") out_chain <= ").append(CAPTURE)
                .append(" ? outs : (out_chain << 1);\n")
                .append("    assign ").append(SHIFT_OUT).append(" = out_chain[").append(out - 1).append("];\n");
        connections.addAll(slices(top.outputs(), "outs"));
        v.append("    ").append(top.name()).append(" core (\n        ")
                .append(String.join(",\n        ", connections)).append("\n    );\n");
        v.append("endmodule\n");
        return v.toString();
    }

    private static List<String> slices(List<Net.Port> ports, String vector) {
        List<String> connections = new ArrayList<>();
        int low = 0;
        for (Net.Port port : ports) {
            int width = port.type().width();
            connections.add("." + port.name() + "(" + vector + "[" + (low + width - 1) + ":" + low + "])");
            low += width;
        }
        return connections;
    }
}
