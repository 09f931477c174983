package dev.tern.testbench;

import dev.tern.hdl.ir.Bits;
import dev.tern.sim.Port;
import dev.tern.sim.Probe;
import dev.tern.sim.Simulator;
import dev.tern.sim.ops.PackedBits;
import dev.tern.sim.ops.WideOps;
import dev.tern.sim.stimulus.Stimulus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Runs designs on the Java simulator and on a Verilog simulator side by side and compares every output,
 * and every probed signal, in every cycle. Several designs can share one Verilog model (each with its own
 * inputs and outputs on the buses), so that one Verilator build serves a whole batch; each design may
 * run on several Java engines, all compared with the Verilog simulator.
 *
 * <p>The first engine of each design is driven by its stimulus; the inputs it was given are copied to
 * the other engines and to the Verilog simulator. The run stops at the first mismatch and, when a
 * waveform directory is set, writes a VCD of each side covering the cycles around it.
 */
public final class Cosimulation {
    /** Cycles simulated on the Java side before the Verilog side catches up. */
    private static final int CHUNK = 4096;
    /** Cycles before and after a mismatch that its waveforms show. */
    static final int WINDOW_BEFORE = 16;
    static final int WINDOW_AFTER = 4;

    /** One design on one or more Java engines, with its inputs and the internal signals to compare. */
    public record Side(List<Simulator> engines, Stimulus stimulus, List<String> probes) {
        public Side {
            engines = List.copyOf(engines);
            probes = List.copyOf(probes);
            if (engines.isEmpty()) {
                throw new IllegalArgumentException("a cosimulated design needs at least one Java engine");
            }
        }
    }

    private static final long[] NO_UNKNOWN_BITS = new long[1 << 10];

    private final List<Side> sides;
    private final BusLayout layout;
    private final Path waveformDirectory;
    private long compared;

    /** @param waveformDirectory where mismatch waveforms go, or null for none */
    public Cosimulation(List<Side> sides, Path waveformDirectory) {
        this.sides = List.copyOf(sides);
        this.layout = BusLayout.of(this.sides.stream().map(s -> new BusLayout.Member(s.engines().get(0), s.probes())).toList());
        this.waveformDirectory = waveformDirectory;
    }

    public BusLayout layout() {
        return layout;
    }

    /** Runs {@code cycles} cycles against a simulation of {@link #layout()}, stopping at the first mismatch. */
    public CosimResult run(VerilogSimulation verilog, long cycles) {
        List<Mismatch> found = new ArrayList<>();
        long ran = run(verilog, cycles, true, found);
        return new CosimResult(verilog.tool(), ran, compared, found.stream().findFirst());
    }

    /**
     * Runs {@code cycles} cycles, comparing each design until its first mismatch and the others to the
     * end; returns at most one mismatch per design.
     */
    public List<Mismatch> runAll(VerilogSimulation verilog, long cycles) {
        List<Mismatch> found = new ArrayList<>();
        run(verilog, cycles, false, found);
        return found;
    }

    /** Values compared by the last run. */
    public long compared() {
        return compared;
    }

    private long run(VerilogSimulation verilog, long cycles, boolean stopAtFirst, List<Mismatch> found) {
        List<Bound> bound = new ArrayList<>();
        int engines = 0;
        for (int d = 0; d < sides.size(); d++) {
            bound.add(new Bound(sides.get(d), layout.duts().get(d)));
            engines = Math.max(engines, sides.get(d).engines().size());
        }
        compared = 0;
        Chunk previous = null;
        for (long start = 0; start < cycles; ) {
            int n = (int) Math.min(CHUNK, cycles - start);
            Chunk chunk = new Chunk(start, n, layout.inputWords(), layout.outputWords(), engines);
            for (int c = 0; c < n; c++) {
                for (Bound b : bound) {
                    b.cycle(start + c, chunk, c);
                }
            }
            verilog.run(chunk.inputs, chunk.actual, chunk.unknown, n);
            for (int c = 0; c < n; c++) {
                for (Bound b : bound) {
                    if (b.failed) {
                        continue;
                    }
                    Optional<Mismatch> m = b.compare(chunk, c, verilog.tool(), previous);
                    if (m.isPresent()) {
                        b.failed = true;
                        found.add(m.get());
                        if (stopAtFirst) {
                            compared = compared(bound);
                            return start + c + 1;
                        }
                    }
                }
            }
            previous = chunk;
            start += n;
        }
        compared = compared(bound);
        return cycles;
    }

    private static long compared(List<Bound> bound) {
        return bound.stream().mapToLong(b -> b.compared).sum();
    }

    /** The buses of a run of consecutive cycles: inputs, each Java engine's outputs, the Verilog outputs. */
    static final class Chunk {
        final long start;
        final int cycles;
        final long[] inputs;
        final long[][] expected;
        final long[] actual;
        final long[] unknown;

        Chunk(long start, int cycles, int inputWords, int outputWords, int engines) {
            this.start = start;
            this.cycles = cycles;
            this.inputs = new long[cycles * inputWords];
            this.expected = new long[engines][cycles * outputWords];
            this.actual = new long[cycles * outputWords];
            this.unknown = new long[cycles * outputWords];
        }
    }

    /** A side with its ports looked up on each engine. */
    private final class Bound {
        final Side side;
        final BusLayout.Dut dut;
        final Port[][] inputs;
        final Probe[][] outputs;
        /** The input slot of the reset, or null when the design has no reset to wait for. */
        final BusLayout.Slot reset;
        /**
         * False until a reset has reached a rising edge: before that, registers with a reset value hold
         * no defined value (a four-state simulator shows x), so nothing is compared.
         */
        boolean resetDone;
        long compared;
        boolean failed;

        Bound(Side side, BusLayout.Dut dut) {
            this.side = side;
            this.dut = dut;
            int engines = side.engines().size();
            inputs = new Port[dut.inputs().size()][engines];
            outputs = new Probe[dut.outputs().size()][engines];
            this.reset = side.engines().get(0).design().top().usesReset() ? dut.reset().orElse(null) : null;
            this.resetDone = reset == null;
            for (int e = 0; e < engines; e++) {
                Simulator sim = side.engines().get(e);
                for (int i = 0; i < inputs.length; i++) {
                    inputs[i][e] = sim.port(dut.inputs().get(i).signal());
                }
                int ports = dut.outputs().size() - dut.probes();
                for (int o = 0; o < outputs.length; o++) {
                    String name = dut.outputs().get(o).signal();
                    outputs[o][e] = o < ports ? sim.port(name) : sim.probe(name);
                }
            }
        }

        void cycle(long cycle, Chunk chunk, int c) {
            List<Simulator> engines = side.engines();
            side.stimulus().apply(engines.get(0), cycle);
            int inBase = c * layout.inputWords();
            for (int i = 0; i < inputs.length; i++) {
                BusLayout.Slot slot = dut.inputs().get(i);
                engines.get(0).peekWords(inputs[i][0], chunk.inputs, inBase + slot.word());
                for (int e = 1; e < engines.size(); e++) {
                    engines.get(e).pokeWords(inputs[i][e], Arrays.copyOfRange(chunk.inputs, inBase + slot.word(), inBase + slot.word() + slot.words()));
                }
            }
            int outBase = c * layout.outputWords();
            for (int e = 0; e < engines.size(); e++) {
                Simulator sim = engines.get(e);
                for (int o = 0; o < outputs.length; o++) {
                    sim.peekWords(outputs[o][e], chunk.expected[e], outBase + dut.outputs().get(o).word());
                }
                sim.step();
            }
        }

        Optional<Mismatch> compare(Chunk chunk, int c, String tool, Chunk previous) {
            if (!resetDone) {
                resetDone = dut.clocking().resetAsserted(chunk.inputs[c * layout.inputWords() + reset.word()]);
                return Optional.empty();
            }
            int base = c * layout.outputWords();
            for (int o = 0; o < outputs.length; o++) {
                BusLayout.Slot slot = dut.outputs().get(o);
                for (int e = 0; e < side.engines().size(); e++) {
                    int from = base + slot.word();
                    int to = from + slot.words();
                    if (!Arrays.equals(chunk.expected[e], from, to, chunk.actual, from, to)
                            || !Arrays.equals(chunk.unknown, from, to, NO_UNKNOWN_BITS, 0, slot.words())) {
                        return Optional.of(mismatch(chunk, c, slot, e, tool, previous));
                    }
                }
            }
            compared += (long) outputs.length * side.engines().size();
            return Optional.empty();
        }

        private Mismatch mismatch(Chunk chunk, int c, BusLayout.Slot slot, int engine, String tool, Chunk previous) {
            int base = c * layout.outputWords() + slot.word();
            int width = slot.type().width();
            // A Java value with bits set above its width is an engine bug of its own; show those bits.
            boolean aboveWidth = (chunk.expected[engine][base + slot.words() - 1] & ~WideOps.topMask(width)) != 0;
            Bits javaValue = PackedBits.load(chunk.expected[engine], base, aboveWidth ? 64 * slot.words() : width);
            Bits toolValue = PackedBits.load(chunk.actual, base, slot.type().width());
            Bits toolUnknown = PackedBits.load(chunk.unknown, base, slot.type().width());
            Simulator sim = side.engines().get(engine);
            List<Path> waves = List.of();
            if (waveformDirectory != null) {
                try {
                    waves = MismatchWaveforms.write(waveformDirectory, layout, dut, engine, sim.engine(), tool, chunk, previous,
                            chunk.start + c);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return new Mismatch(sim.design().name(), chunk.start + c, slot.signal(), sim.engine(), tool, javaValue, toolValue, toolUnknown, waves);
        }
    }
}
