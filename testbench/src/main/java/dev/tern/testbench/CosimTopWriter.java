package dev.tern.testbench;

import dev.tern.verilog.VerilogEmitter;

import java.util.ArrayList;
import java.util.List;

/**
 * The Verilog that a Verilog simulator compiles for a cosimulation: the designs' own modules and a top
 * module, {@value #TOP}, with ports {@code clk}, {@code in_bus} and {@code out_bus}, that instantiates
 * each design and wires every slot of the {@link BusLayout}. Probed signals reach the bus through
 * hierarchical references ({@code dut0.u_fifo.count}), so the designs' Verilog is compiled exactly as
 * emitted.
 */
final class CosimTopWriter {
    static final String TOP = "tern_cosim_top";

    private CosimTopWriter() {
    }

    /** The designs' Verilog followed by the top module, one text. */
    static String verilog(BusLayout layout) {
        StringBuilder text = new StringBuilder();
        VerilogEmitter emitter = VerilogEmitter.withoutSourceLocations();
        for (BusLayout.Dut dut : layout.duts()) {
            text.append(emitter.singleFile(dut.design())).append('\n');
        }
        text.append(top(layout));
        return text.toString();
    }

    static String top(BusLayout layout) {
        List<String> lines = new ArrayList<>();
        lines.add("/* verilator lint_off DECLFILENAME */");
        lines.add("/* verilator lint_off UNUSEDSIGNAL */");
        lines.add("module " + TOP + " (");
        lines.add("    input  wire clk,");
        lines.add("    input  wire [" + (64 * layout.inputWords() - 1) + ":0] in_bus,");
        lines.add("    output wire [" + (64 * layout.outputWords() - 1) + ":0] out_bus");
        lines.add(");");
        int usedOutputWords = 0;
        for (BusLayout.Dut dut : layout.duts()) {
            List<BusLayout.Slot> ports = dut.outputs().subList(0, dut.outputs().size() - dut.probes());
            for (BusLayout.Slot out : ports) {
                lines.add("    wire " + range(out) + wireName(dut, out) + ";");
            }
            List<String> connections = new ArrayList<>();
            if (dut.clocked()) {
                connections.add("." + dut.clocking().clock() + "(clk)");
            }
            for (BusLayout.Slot in : dut.inputs()) {
                connections.add("." + in.signal() + "(in_bus[" + 64 * in.word() + " +: " + in.type().width() + "])");
            }
            for (BusLayout.Slot out : ports) {
                connections.add("." + out.signal() + "(" + wireName(dut, out) + ")");
            }
            lines.add("    " + dut.design().top().name() + " " + dut.instance() + " (");
            lines.add("        " + String.join(",\n        ", connections));
            lines.add("    );");
            for (int i = 0; i < dut.outputs().size(); i++) {
                BusLayout.Slot out = dut.outputs().get(i);
                String source = i < ports.size() ? wireName(dut, out) : dut.instance() + "." + out.signal();
                lines.add("    assign " + slice(out) + " = " + padded(source, out) + ";");
                usedOutputWords = Math.max(usedOutputWords, out.word() + out.words());
            }
        }
        if (usedOutputWords < layout.outputWords()) {
            int bits = 64 * (layout.outputWords() - usedOutputWords);
            lines.add("    assign out_bus[" + 64 * usedOutputWords + " +: " + bits + "] = " + bits + "'d0;");
        }
        lines.add("endmodule");
        return String.join("\n", lines) + "\n";
    }

    private static String wireName(BusLayout.Dut dut, BusLayout.Slot out) {
        return dut.instance() + "_" + out.signal();
    }

    private static String range(BusLayout.Slot slot) {
        return slot.type().width() == 1 ? "" : "[" + (slot.type().width() - 1) + ":0] ";
    }

    private static String slice(BusLayout.Slot slot) {
        return "out_bus[" + 64 * slot.word() + " +: " + 64 * slot.words() + "]";
    }

    private static String padded(String source, BusLayout.Slot slot) {
        int pad = 64 * slot.words() - slot.type().width();
        return pad == 0 ? source : "{" + pad + "'d0, " + source + "}";
    }
}
