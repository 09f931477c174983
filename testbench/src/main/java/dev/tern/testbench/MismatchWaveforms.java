package dev.tern.testbench;

import dev.tern.sim.ops.PackedBits;

import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The two VCD files of a mismatch: the same signals (the design's inputs, outputs and probes) over the
 * cycles around it, as the Java engine computed them and as the Verilog simulator did. Each cycle lasts
 * 10 time units with the rising edge at its end; values shown are those before the edge, which is what
 * is compared.
 */
final class MismatchWaveforms {
    private MismatchWaveforms() {
    }

    private record Trace(String name, int width, List<BigInteger> values) {
    }

    static List<Path> write(Path directory, BusLayout layout, BusLayout.Dut dut, int engine, String engineName,
                            String tool, Cosimulation.Chunk chunk, Cosimulation.Chunk previous, long cycle) throws IOException {
        long first = Math.max(previous != null ? previous.start : chunk.start, cycle - Cosimulation.WINDOW_BEFORE);
        long last = Math.min(chunk.start + chunk.cycles - 1, cycle + Cosimulation.WINDOW_AFTER);
        Files.createDirectories(directory);
        String base = dut.design().top().name().substring(dut.instance().length() + 1);
        Path javaFile = directory.resolve(base + "." + engineName + ".vcd");
        Path toolFile = directory.resolve(base + "." + tool + ".vcd");
        write(javaFile, traces(layout, dut, chunk, previous, first, last, true, engine), first);
        write(toolFile, traces(layout, dut, chunk, previous, first, last, false, engine), first);
        return List.of(javaFile, toolFile);
    }

    private static List<Trace> traces(BusLayout layout, BusLayout.Dut dut, Cosimulation.Chunk chunk, Cosimulation.Chunk previous,
                                      long first, long last, boolean java, int engine) {
        List<Trace> traces = new ArrayList<>();
        for (BusLayout.Slot in : dut.inputs()) {
            List<BigInteger> values = new ArrayList<>();
            for (long c = first; c <= last; c++) {
                Cosimulation.Chunk holder = c >= chunk.start ? chunk : previous;
                int at = (int) (c - holder.start) * layout.inputWords() + in.word();
                values.add(PackedBits.unsigned(holder.inputs, at, in.type().width()));
            }
            traces.add(new Trace(in.signal(), in.type().width(), values));
        }
        for (BusLayout.Slot out : dut.outputs()) {
            List<BigInteger> values = new ArrayList<>();
            for (long c = first; c <= last; c++) {
                Cosimulation.Chunk holder = c >= chunk.start ? chunk : previous;
                long[] bus = java ? holder.expected[engine] : holder.actual;
                int at = (int) (c - holder.start) * layout.outputWords() + out.word();
                values.add(PackedBits.unsigned(bus, at, out.type().width()));
            }
            traces.add(new Trace(out.signal(), out.type().width(), values));
        }
        return traces;
    }

    private static void write(Path file, List<Trace> traces, long firstCycle) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            w.write("$timescale 1ns $end\n$scope module top $end\n");
            w.write("$var wire 1 ! clk $end\n");
            for (int i = 0; i < traces.size(); i++) {
                Trace t = traces.get(i);
                // Hierarchical probe names keep their dots; viewers show them as one name.
                w.write("$var wire " + t.width() + " " + id(i) + " " + t.name() + " $end\n");
            }
            w.write("$upscope $end\n$enddefinitions $end\n");
            int cycles = traces.isEmpty() ? 0 : traces.get(0).values().size();
            for (int c = 0; c < cycles; c++) {
                long time = 10 * (firstCycle + c);
                w.write("#" + time + "\n0!\n");
                for (int i = 0; i < traces.size(); i++) {
                    Trace t = traces.get(i);
                    BigInteger v = t.values().get(c);
                    if (c == 0 || !v.equals(t.values().get(c - 1))) {
                        w.write(t.width() == 1 ? v.toString() + id(i) + "\n" : "b" + v.toString(2) + " " + id(i) + "\n");
                    }
                }
                w.write("#" + (time + 5) + "\n1!\n");
            }
        }
    }

    /** VCD identifier codes from the printable characters after '!', which is the clock. */
    private static String id(int index) {
        StringBuilder s = new StringBuilder();
        int n = index;
        do {
            s.append((char) ('"' + n % 92));
            n /= 92;
        } while (n > 0);
        return s.toString();
    }
}
