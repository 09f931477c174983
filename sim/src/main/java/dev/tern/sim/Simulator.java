package dev.tern.sim;

import dev.tern.hdl.ir.Bits;
import dev.tern.hdl.ir.Design;
import dev.tern.hdl.ir.HwType;
import dev.tern.sim.compiler.CompiledEngine;
import dev.tern.sim.compiler.JavaSourceCompiler;
import dev.tern.sim.engine.Engine;
import dev.tern.sim.engine.Interpreter;
import dev.tern.sim.engine.PortFrame;
import dev.tern.sim.netlist.FlatNetlist;
import dev.tern.sim.netlist.Flattener;
import dev.tern.sim.ops.NarrowOps;
import dev.tern.sim.ops.PackedBits;
import dev.tern.sim.ops.WideOps;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A cycle-accurate, two-state simulation of a {@link Design}, by one of two engines with the same
 * behaviour: {@link #compile} (generated Java, compiled in memory, for speed) and {@link #interpret}
 * (the short reference engine, which needs no compiler).
 *
 * <pre>{@code
 * Simulator sim = Simulator.compile(Elaborator.elaborate(() -> new Counter(8)));
 * sim.reset();
 * sim.poke("enable", 1);
 * sim.step(3);
 * assertEquals(3, sim.peek("count"));
 * }</pre>
 *
 * <h2>Semantics</h2>
 * These are exactly those of the Verilog the project emits, so that the simulator and a Verilog
 * simulator never disagree:
 * <ul>
 *   <li><b>Values.</b> Two-state; each operator's width, wrap-around, signedness and shifts are the IR's
 *       ({@code BinaryOp}, {@code UnaryOp}, {@code ExprEvaluator} in hdl-dsl).</li>
 *   <li><b>Clock and reset.</b> One clock ({@code clk} unless the top's {@code Clocking} names it
 *       otherwise), driven by {@link #step()}: one call is one rising edge. A clocked module
 *       ({@code ModuleDef.isClocked()}) has a synchronous reset input, {@code rst} asserted at 1 unless its
 *       {@code Clocking} says otherwise (AXI's {@code aresetn} is asserted at 0), a port to poke like any
 *       other (read only when {@code usesReset()}). Inputs start at 0, as on a Verilog harness's bus, so an
 *       active-low reset starts asserted until {@link #reset()} or a poke releases it.</li>
 *   <li><b>Registers.</b> At a rising edge, a register with a reset value loads it while the reset is
 *       asserted; otherwise, when its enable is absent or 1, it loads its next value. Registers without a
 *       reset value ignore the reset. Every register starts at 0.</li>
 *   <li><b>Memories</b> start at their init words, or all zeros. At a rising edge, each read port whose
 *       enable is absent or 1 loads the word at its address into its data signal, which holds it until the
 *       next such edge (and starts at 0); reads are read-first, they see the memory before this edge's
 *       writes. Then each write port whose enable is 1 stores its data at its address; when several write
 *       the same address in one edge, the later port in {@code memoryWrites} order wins. Reset does not
 *       touch memories or read data.</li>
 *   <li><b>Combinational signals</b> (assigns, instance inputs and outputs) are functions of the inputs
 *       and state in the same cycle: a peek after a poke sees its effect at once.</li>
 *   <li><b>Hierarchy</b> is flattened; a signal of a submodule is named by its instance path, e.g.
 *       {@code u_fifo.count}, and an instance output seen from its parent by the Verilog wire name
 *       {@code u_fifo_count}. Waveforms keep the scopes (see {@code dev.tern.sim.vcd.VcdWriter}).</li>
 * </ul>
 *
 * <h2>Values in and out</h2>
 * {@link #poke(Port, long)} accepts a number of the port's type, or its raw bits ({@code -1} and
 * {@code 0xFF} both set an SInt(8) to all ones); anything else is an error naming the port and range.
 * {@link #peek(Probe)} returns the value as its type reads it: sign-extended for SInt, the unsigned bits
 * otherwise (a UInt(64) with its top bit set reads negative). Values wider than 64 bits go through
 * {@link #pokeBig}/{@link #peekBig}, {@link Bits}, or packed words ({@link #pokeWords}/{@link #peekWords}:
 * 64-bit words, least significant first, bits above the width zero).
 *
 * <h2>Batch runs</h2>
 * {@link #run(long[], long[])} runs many cycles from an input buffer into an output buffer (laid out by
 * {@link #batchLayout()}) in one call: the way to drive long simulations and benchmarks, several times
 * faster than a poke, peek and step per cycle on small designs.
 *
 * <p>Not thread-safe: one simulator is driven by one thread at a time.
 */
public final class Simulator implements CycleSimulation {
    private final FlatNetlist netlist;
    private final Engine engine;
    private final long[] values;
    private final Map<String, Port> ports = new LinkedHashMap<>();
    private final Map<String, Probe> probes = new LinkedHashMap<>();
    private final Map<String, MemoryView> memories = new LinkedHashMap<>();
    private final Port reset;
    private final BatchLayout batchLayout;
    private final List<CycleObserver> observers = new ArrayList<>();
    /** Whether the output ports / all named signals may be behind the inputs and state. */
    private boolean outputsStale = true;
    private boolean allStale = true;
    private long cycle;

    private Simulator(FlatNetlist netlist, Engine engine) {
        this.netlist = netlist;
        this.engine = engine;
        this.values = engine.state().values();
        Port resetPort = null;
        if (netlist.isClocked()) {
            resetPort = port(netlist.clocking().reset(), HwType.bool(), netlist.resetNode(), true);
            ports.put(resetPort.name(), resetPort);
        }
        this.reset = resetPort;
        for (FlatNetlist.Port p : netlist.ports()) {
            ports.put(p.name(), port(p.name(), p.type(), p.node(), p.isInput()));
        }
        for (FlatNetlist.Signal s : netlist.signals()) {
            probes.put(s.path(), new Probe(this, s.path(), s.type(), engine.layout().offset(s.node()), netlist.node(s.node()).isLeaf()));
        }
        for (int i = 0; i < netlist.memories().size(); i++) {
            FlatNetlist.Memory m = netlist.memories().get(i);
            memories.put(m.name(), new MemoryView(m.name(), m.dataType(), engine.state().memories()[i]));
        }
        this.batchLayout = new BatchLayout(this, PortFrame.inputs(netlist, engine.layout()),
                PortFrame.outputs(netlist, engine.layout()));
    }

    private Port port(String name, HwType type, int node, boolean input) {
        return new Port(this, name, type, engine.layout().offset(node), netlist.node(node).isLeaf(), input);
    }

    /**
     * The compiled engine: the netlist becomes Java source, compiled in memory and loaded, its loops over
     * lanes written with the Vector API where the JVM was started with {@code --add-modules jdk.incubator.vector}
     * ({@link dev.tern.sim.compiler.VectorLoops}). Where the runtime has no Java compiler (a JRE), prints a
     * one-line notice and returns the interpreter.
     */
    public static Simulator compile(Design design) {
        FlatNetlist netlist = Flattener.flatten(design);
        if (!JavaSourceCompiler.isAvailable()) {
            System.err.println("tern sim: this Java runtime has no compiler (a JRE?); simulating " + design.name()
                    + " with the interpreter");
            return new Simulator(netlist, Interpreter.create(netlist));
        }
        return new Simulator(netlist, CompiledEngine.create(netlist));
    }

    /**
     * The compiled engine with its lane loops written with the Vector API or as plain loops, as the tests
     * comparing the two ask; {@link #compile(Design)} takes the Vector API where the JVM has it.
     */
    static Simulator compile(Design design, boolean vectorLoops) {
        FlatNetlist netlist = Flattener.flatten(design);
        return new Simulator(netlist, CompiledEngine.create(netlist, vectorLoops));
    }

    /** The interpreter: the reference engine, ready at once, slower per cycle. */
    public static Simulator interpret(Design design) {
        FlatNetlist netlist = Flattener.flatten(design);
        return new Simulator(netlist, Interpreter.create(netlist));
    }

    /** {@code compiled} or {@code interpreter}: the engine actually running. */
    @Override
    public String engine() {
        return engine.name();
    }

    @Override
    public Design design() {
        return netlist.design();
    }

    /** Rising edges so far, {@link #reset()} included. */
    @Override
    public long cycle() {
        return cycle;
    }

    /** The top module's ports: the reset first in a clocked design, then in declaration order. */
    public List<Port> ports() {
        return List.copyOf(ports.values());
    }

    public List<Port> inputs() {
        return ports.values().stream().filter(Port::isInput).toList();
    }

    public List<Port> outputs() {
        return ports.values().stream().filter(p -> !p.isInput()).toList();
    }

    /** @throws SimulationException for a name that is not a port, listing the ports */
    public Port port(String name) {
        Port p = ports.get(name);
        if (p != null) {
            return p;
        }
        if (netlist.isClocked() && name.equals(netlist.clocking().clock())) {
            throw new SimulationException(name + " is not a port to poke: step() drives the clock of " + netlist.name());
        }
        throw new SimulationException("design " + netlist.name() + " has no port '" + name + "'; its ports are "
                + String.join(", ", ports.keySet()));
    }

    /** Every named signal, the top's first. */
    public List<Probe> probes() {
        return List.copyOf(probes.values());
    }

    /** A named signal by hierarchical name ({@code count}, {@code u_fifo.count}). */
    public Probe probe(String name) {
        Probe p = probes.get(name);
        if (p != null) {
            return p;
        }
        int dot = name.lastIndexOf('.');
        String scope = dot < 0 ? "" : name.substring(0, dot + 1);
        List<String> siblings = probes.keySet().stream()
                .filter(n -> n.startsWith(scope) && n.indexOf('.', scope.length()) < 0).toList();
        String where = scope.isEmpty() ? netlist.name() : scope.substring(0, scope.length() - 1);
        if (siblings.isEmpty()) {
            throw new SimulationException("design " + netlist.name() + " has no signal '" + name + "' (no scope " + where + ")");
        }
        throw new SimulationException("design " + netlist.name() + " has no signal '" + name + "'; signals in " + where + ": "
                + abbreviate(siblings));
    }

    private static String abbreviate(List<String> names) {
        int shown = Math.min(names.size(), 30);
        String list = String.join(", ", names.subList(0, shown));
        return shown < names.size() ? list + ", ... (" + names.size() + " in all)" : list;
    }

    public List<MemoryView> memories() {
        return List.copyOf(memories.values());
    }

    /** A memory by hierarchical name ({@code storage}, {@code u_fifo.storage}). */
    public MemoryView memory(String name) {
        MemoryView m = memories.get(name);
        if (m == null) {
            throw new SimulationException("design " + netlist.name() + " has no memory '" + name + "'; its memories are "
                    + (memories.isEmpty() ? "none" : String.join(", ", memories.keySet())));
        }
        return m;
    }

    // ---- poke ----

    @Override
    public void poke(String port, long value) {
        poke(port(port), value);
    }

    public void poke(Port port, long value) {
        checkInput(port);
        int width = port.width();
        if (width > 64) {
            pokeBig(port, BigInteger.valueOf(value));
            return;
        }
        values[port.slot] = Values.checkFits(value, port.type, "port " + port.name);
        changed();
    }

    @Override
    public void pokeBig(String port, BigInteger value) {
        pokeBig(port(port), value);
    }

    public void pokeBig(Port port, BigInteger value) {
        checkInput(port);
        PackedBits.store(Values.checkFits(value, port.type, "port " + port.name), port.width(), values, port.slot);
        changed();
    }

    public void poke(Port port, Bits value) {
        checkInput(port);
        if (value.width() != port.width()) {
            throw new SimulationException("port " + port.name + " is " + port.type + "; got a value of " + value.width() + " bits");
        }
        PackedBits.store(value, values, port.slot);
        changed();
    }

    /** Sets a port from packed words: {@code WideOps.words(width)} of them, least significant first. */
    public void pokeWords(Port port, long[] words) {
        checkInput(port);
        int n = WideOps.words(port.width());
        if (words.length != n || (words[n - 1] & ~WideOps.topMask(port.width())) != 0) {
            throw new SimulationException("port " + port.name + " is " + port.type + ": it takes " + n
                    + " words with the bits above " + port.width() + " zero");
        }
        if (n == 1) {
            values[port.slot] = words[0];
        } else {
            System.arraycopy(words, 0, values, port.slot, n);
        }
        changed();
    }

    private void checkInput(Port port) {
        checkOwner(port);
        if (!port.isInput()) {
            throw new SimulationException(port.name + " is an output of " + netlist.name() + "; only inputs can be poked ("
                    + inputs().stream().map(Port::name).collect(Collectors.joining(", ")) + ")");
        }
    }

    private void checkOwner(Probe probe) {
        if (probe.owner != this) {
            throw new SimulationException(probe.name + " is a handle of another simulator; look it up on this one");
        }
    }

    // ---- peek ----

    @Override
    public long peek(String name) {
        return peek(lookup(name));
    }

    /** The value as its type reads it: sign-extended for SInt; at most 64 bits wide. */
    public long peek(Probe probe) {
        long raw = raw(probe);
        return probe.type.signed() ? NarrowOps.signExtend(raw, probe.width()) : raw;
    }

    /** The unsigned bits of a value of at most 64 bits. */
    public long peekRaw(Probe probe) {
        return raw(probe);
    }

    private long raw(Probe probe) {
        prepareRead(probe);
        if (probe.width() > 64) {
            throw new SimulationException(probe.name + " is " + probe.type + ", wider than a long; read it with peekBig or peekBits");
        }
        return values[probe.slot];
    }

    @Override
    public BigInteger peekBig(String name) {
        return peekBig(lookup(name));
    }

    /** The value as its type reads it, any width. */
    public BigInteger peekBig(Probe probe) {
        return peekBits(probe).as(probe.type);
    }

    public Bits peekBits(String name) {
        return peekBits(lookup(name));
    }

    public Bits peekBits(Probe probe) {
        prepareRead(probe);
        return PackedBits.load(values, probe.slot, probe.width());
    }

    /** Copies the value's packed words into {@code into} from {@code offset}, without allocating. */
    public void peekWords(Probe probe, long[] into, int offset) {
        prepareRead(probe);
        int n = WideOps.words(probe.width());
        if (n == 1) {
            into[offset] = values[probe.slot];
        } else {
            System.arraycopy(values, probe.slot, into, offset, n);
        }
    }

    /** A port by name if there is one, otherwise any signal by hierarchical name. */
    private Probe lookup(String name) {
        Port p = ports.get(name);
        return p != null ? p : probes.containsKey(name) || name.contains(".") ? probe(name) : port(name);
    }

    private void prepareRead(Probe probe) {
        checkOwner(probe);
        if (probe.leaf) {
            return;
        }
        if (probe instanceof Port && outputsStale) {
            engine.evaluateOutputs();
            outputsStale = false;
        } else if (!(probe instanceof Port)) {
            evaluate();
        }
    }

    /** Brings every named signal up to date with the last pokes; peeks do this themselves. */
    public void evaluate() {
        if (allStale) {
            engine.evaluate();
            allStale = false;
            outputsStale = false;
        }
    }

    private void changed() {
        outputsStale = true;
        allStale = true;
    }

    // ---- time ----

    /** One rising edge of the clock. */
    @Override
    public void step() {
        if (!observers.isEmpty()) {
            evaluate();
            for (CycleObserver o : observers) {
                o.beforeEdge(this);
            }
        }
        if (netlist.isClocked()) {
            engine.clockEdge(!allStale);
            changed();
        }
        cycle++;
    }

    public void step(long cycles) {
        if (cycles < 0) {
            throw new SimulationException("step: the number of cycles must not be negative, got " + cycles);
        }
        for (long i = 0; i < cycles; i++) {
            step();
        }
    }

    // ---- batch runs ----

    /** How {@link #run(long[], int, long[], int, int)} lays out its input and output buffers. */
    public BatchLayout batchLayout() {
        return batchLayout;
    }

    /**
     * Runs one cycle per input frame in {@code inputs}, writing one output frame per cycle into
     * {@code outputs} (which needs as many frames), or none when it is null: see
     * {@link #run(long[], int, long[], int, int)}.
     */
    public void run(long[] inputs, long[] outputs) {
        int words = batchLayout.inputWords();
        if (words == 0 || inputs.length % words != 0) {
            throw new SimulationException("run: " + netlist.name() + " takes input frames of " + words
                    + " words; an input buffer of " + inputs.length + " words is not a whole number of them"
                    + (words == 0 ? " (give the number of cycles)" : ""));
        }
        run(inputs, 0, outputs, 0, inputs.length / words);
    }

    /**
     * Runs {@code cycles} cycles with the inputs from memory and the outputs into memory: the fastest way
     * to drive a simulation, as a Verilator harness drives a model from a preloaded buffer. Cycle {@code c}
     * (counting from 0 in this call) does what these calls would, without their per-call checks:
     * <ol>
     *   <li>{@link #pokeWords} of every input port from the input frame at {@code inputFrom + c * inputWords()}
     *       ({@link #batchLayout()} says where each port is);</li>
     *   <li>{@link #peekWords} of every output port into the output frame at {@code outputFrom + c * outputWords()},
     *       unless {@code outputs} is null;</li>
     *   <li>{@link #step()}: a rising edge (observers, such as waveform writers, see the cycle as usual).</li>
     * </ol>
     * The input frames are checked before the first cycle: the bits of each port above its width must be zero.
     * After the call the inputs keep the values of the last frame and {@link #cycle()} has advanced by {@code cycles}.
     *
     * @throws SimulationException when a buffer is too short for the cycles, or an input has bits above its width
     */
    public void run(long[] inputs, int inputFrom, long[] outputs, int outputFrom, int cycles) {
        PortFrame in = batchLayout.inputFrame();
        PortFrame out = batchLayout.outputFrame();
        if (cycles < 0) {
            throw new SimulationException("run: the number of cycles must not be negative, got " + cycles);
        }
        checkBuffer("input", inputs.length, inputFrom, in.words(), cycles);
        if (outputs != null) {
            checkBuffer("output", outputs.length, outputFrom, out.words(), cycles);
        }
        checkInputFrames(inputs, inputFrom, cycles);
        if (observers.isEmpty()) {
            engine.runCycles(inputs, inputFrom, outputs, outputFrom, cycles);
            changed();
            cycle += cycles;
            return;
        }
        for (int c = 0; c < cycles; c++) {
            in.load(inputs, inputFrom + c * in.words(), values);
            changed();
            if (outputs != null) {
                engine.evaluateOutputs();
                outputsStale = false;
                out.store(values, outputs, outputFrom + c * out.words());
            }
            step();
        }
    }

    private void checkBuffer(String what, int length, int from, int frameWords, int cycles) {
        long end = from + (long) frameWords * cycles;
        if (from < 0 || end > length) {
            throw new SimulationException("run: " + cycles + " cycles of " + netlist.name() + " need " + what + " words " + from
                    + " to " + end + " (" + frameWords + " per cycle), but the " + what + " buffer has " + length);
        }
    }

    /** One pass over the frames, reading each the top words of the ports narrower than their words. */
    private void checkInputFrames(long[] inputs, int from, int cycles) {
        PortFrame in = batchLayout.inputFrame();
        List<PortFrame.Entry> partial = in.entries().stream().filter(e -> e.topMask() != -1L).toList();
        int[] top = partial.stream().mapToInt(e -> e.offset() + e.words() - 1).toArray();
        long[] above = partial.stream().mapToLong(e -> ~e.topMask()).toArray();
        for (int c = 0, frame = from; c < cycles; c++, frame += in.words()) {
            long bad = 0;
            for (int k = 0; k < top.length; k++) {
                bad |= inputs[frame + top[k]] & above[k];
            }
            if (bad != 0) {
                for (int k = 0; k < top.length; k++) {
                    if ((inputs[frame + top[k]] & above[k]) != 0) {
                        PortFrame.Entry e = partial.get(k);
                        throw new SimulationException("run: input " + e.name() + " of " + netlist.name() + " has bits above its width "
                                + e.width() + " in the frame of cycle " + c + " (word " + (frame + top[k]) + " of the input buffer)");
                    }
                }
            }
        }
    }

    /** One cycle with the reset asserted ({@code rst} high, {@code aresetn} low), then released again. */
    @Override
    public void reset() {
        Port port = resetPort();
        poke(port, netlist.clocking().resetLevel(true));
        step();
        poke(port, netlist.clocking().resetLevel(false));
    }

    /**
     * The implicit reset input, {@code rst} or the name the top's {@code Clocking} gives it.
     *
     * @throws SimulationException for a design without a clock
     */
    public Port resetPort() {
        if (reset == null) {
            throw new SimulationException("design " + netlist.name() + " has no clock, so no reset");
        }
        return reset;
    }

    /**
     * Steps until {@code condition} holds, testing it before each edge.
     *
     * @return the number of cycles stepped (0 when it already held)
     * @throws SimulationException when it still does not hold after {@code maxCycles} cycles
     */
    public long runUntil(Predicate<Simulator> condition, long maxCycles) {
        if (maxCycles < 0) {
            throw new SimulationException("runUntil: maxCycles must not be negative, got " + maxCycles);
        }
        for (long stepped = 0; ; stepped++) {
            if (condition.test(this)) {
                return stepped;
            }
            if (stepped == maxCycles) {
                throw new SimulationException("runUntil: the condition was still false after " + maxCycles
                        + " cycles (at cycle " + cycle + " of " + netlist.name() + ")");
            }
            step();
        }
    }

    // ---- observers ----

    /** {@code observer} is called before every following rising edge, until removed. */
    public void addObserver(CycleObserver observer) {
        observers.add(observer);
    }

    public void removeObserver(CycleObserver observer) {
        observers.remove(observer);
    }

    /** Closes observers that are {@link AutoCloseable} (waveform writers), finishing their files. */
    @Override
    public void close() {
        List<CycleObserver> open = new ArrayList<>(observers);
        Collections.reverse(open);
        for (CycleObserver o : open) {
            if (o instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (SimulationException e) {
                    throw e;
                } catch (Exception e) {
                    throw new SimulationException("closing " + o + ": " + e.getMessage(), e);
                }
            }
        }
        observers.clear();
    }

    /** The flattened netlist, for tools built on the simulator (waveform writers, benchmarks). */
    public FlatNetlist netlist() {
        return netlist;
    }

    @Override
    public String toString() {
        return netlist.name() + " on the " + engine.name() + " at cycle " + cycle;
    }
}
