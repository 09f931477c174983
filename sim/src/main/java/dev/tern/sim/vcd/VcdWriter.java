package dev.tern.sim.vcd;

import dev.tern.sim.CycleObserver;
import dev.tern.sim.Probe;
import dev.tern.sim.SimulationException;
import dev.tern.sim.Simulator;
import dev.tern.sim.netlist.FlatNetlist;
import dev.tern.sim.ops.WideOps;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a simulation as a Value Change Dump (IEEE 1364 section 18) that GTKWave and other viewers
 * open, with one scope per module instance named as in the emitted Verilog (the top module, then
 * instance names) and each signal under its Verilog name.
 *
 * <p>Time: {@code 1ns} units, one cycle every 10. The values of cycle {@code k} (inputs as poked before
 * its closing edge, state as the previous edge left it, combinational values from both) appear at time
 * {@code 10k}, where the clock rises, and it falls at {@code 10k + 5}; so the values shown just
 * before a rising edge are the ones it samples. Signals that are one value share one identifier.
 * Memories are not dumped. Attach before stepping; {@link #close} (or closing the simulator) writes the
 * state after the last edge and finishes the file.
 */
public final class VcdWriter implements CycleObserver, AutoCloseable {
    private static final String CLOCK_ID = "!";

    private final Simulator simulator;
    private final Writer out;
    private final String where;
    private final Probe[] probes;
    private final String[] ids;
    private final int[] offsets;
    private final long[] last;
    private final long[] current;
    private final boolean clocked;
    private boolean first = true;
    private boolean closed;

    private VcdWriter(Simulator simulator, Writer out, String where, VcdSelection selection) {
        this.simulator = simulator;
        this.out = out;
        this.where = where;
        FlatNetlist netlist = simulator.netlist();
        this.clocked = netlist.isClocked();
        selection.checkEachMatches(netlist.signals().stream().map(FlatNetlist.Signal::path).toList(), netlist.name());

        Map<Integer, String> idOfNode = new LinkedHashMap<>();
        List<Probe> traced = new ArrayList<>();
        StringBuilder header = new StringBuilder();
        header.append("$version Tern sim $end\n");
        header.append("$timescale 1ns $end\n");
        declare(netlist.top(), selection, idOfNode, traced, header);
        header.append("$enddefinitions $end\n");
        this.probes = traced.toArray(Probe[]::new);
        this.ids = idOfNode.values().toArray(String[]::new);
        this.offsets = new int[probes.length + 1];
        for (int i = 0; i < probes.length; i++) {
            offsets[i + 1] = offsets[i] + WideOps.words(probes[i].width());
        }
        this.last = new long[offsets[probes.length]];
        this.current = new long[offsets[probes.length]];
        write(header);
    }

    /** Every named signal to {@code file}. */
    public static VcdWriter open(Simulator simulator, Path file) {
        return open(simulator, file, VcdSelection.all());
    }

    public static VcdWriter open(Simulator simulator, Path file, VcdSelection selection) {
        Writer writer;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            writer = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new SimulationException("cannot write waveform file " + file + ": " + e.getMessage(), e);
        }
        return attach(simulator, writer, file.toString(), selection);
    }

    /**
     * Writes to {@code out} (closed by {@link #close}), from the simulator's current cycle on.
     *
     * @param where names the destination in error messages
     */
    public static VcdWriter attach(Simulator simulator, Writer out, String where, VcdSelection selection) {
        VcdWriter vcd = new VcdWriter(simulator, out instanceof BufferedWriter ? out : new BufferedWriter(out, 1 << 16), where, selection);
        simulator.addObserver(vcd);
        return vcd;
    }

    /** Declares the selected signals of a scope and its children; returns whether it declared any. */
    private boolean declare(FlatNetlist.Scope scope, VcdSelection selection, Map<Integer, String> idOfNode, List<Probe> traced,
                            StringBuilder header) {
        StringBuilder body = new StringBuilder();
        boolean any = false;
        if (scope.clocked() && clocked) {
            body.append("$var wire 1 ").append(CLOCK_ID).append(' ').append(scope.clocking().clock()).append(" $end\n");
        }
        for (FlatNetlist.Signal s : scope.signals()) {
            if (!selection.matches(s.path())) {
                continue;
            }
            String id = idOfNode.get(s.node());
            if (id == null) {
                id = code(idOfNode.size() + 1);
                idOfNode.put(s.node(), id);
                traced.add(simulator.probe(s.path()));
            }
            body.append("$var wire ").append(s.type().width()).append(' ').append(id).append(' ').append(s.name());
            if (s.type().width() > 1) {
                body.append(" [").append(s.type().width() - 1).append(":0]");
            }
            body.append(" $end\n");
            any = true;
        }
        for (FlatNetlist.Scope child : scope.children()) {
            any |= declare(child, selection, idOfNode, traced, body);
        }
        if (any) {
            header.append("$scope module ").append(scope.name()).append(" $end\n").append(body).append("$upscope $end\n");
        }
        return any;
    }

    /** Identifier codes from the printable ASCII characters {@code !} to {@code ~}; {@code !} is the clock. */
    private static String code(int index) {
        StringBuilder code = new StringBuilder();
        int i = index;
        do {
            code.append((char) ('!' + i % 94));
            i /= 94;
        } while (i > 0);
        return code.toString();
    }

    @Override
    public void beforeEdge(Simulator sim) {
        sample(sim.cycle(), true);
    }

    private void sample(long cycle, boolean fallingEdge) {
        StringBuilder text = new StringBuilder();
        text.append('#').append(cycle * 10).append('\n');
        if (first) {
            text.append("$dumpvars\n");
        }
        if (clocked) {
            text.append('1').append(CLOCK_ID).append('\n');
        }
        for (int i = 0; i < probes.length; i++) {
            int offset = offsets[i];
            int words = offsets[i + 1] - offset;
            simulator.peekWords(probes[i], current, offset);
            boolean changed = first;
            for (int w = 0; w < words && !changed; w++) {
                changed = current[offset + w] != last[offset + w];
            }
            if (changed) {
                System.arraycopy(current, offset, last, offset, words);
                value(text, offset, probes[i].width(), ids[i]);
            }
        }
        if (first) {
            text.append("$end\n");
            first = false;
        }
        if (clocked && fallingEdge) {
            text.append('#').append(cycle * 10 + 5).append("\n0").append(CLOCK_ID).append('\n');
        }
        write(text);
    }

    private void value(StringBuilder text, int offset, int width, String id) {
        if (width == 1) {
            text.append(current[offset] != 0 ? '1' : '0').append(id).append('\n');
            return;
        }
        text.append('b');
        int top = width - 1;
        while (top > 0 && (current[offset + (top >>> 6)] >>> (top & 63) & 1) == 0) {
            top--;
        }
        for (int bit = top; bit >= 0; bit--) {
            text.append((current[offset + (bit >>> 6)] >>> (bit & 63) & 1) != 0 ? '1' : '0');
        }
        text.append(' ').append(id).append('\n');
    }

    private void write(CharSequence text) {
        try {
            out.append(text);
        } catch (IOException e) {
            throw new SimulationException("writing waveform file " + where + ": " + e.getMessage(), e);
        }
    }

    /** Writes the values after the last edge, closes the output and stops observing the simulator. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        simulator.removeObserver(this);
        simulator.evaluate();
        sample(simulator.cycle(), false);
        try {
            out.close();
        } catch (IOException e) {
            throw new SimulationException("finishing waveform file " + where + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "waveform " + where;
    }
}
