package dev.tern.sim;

import dev.tern.sim.engine.PortFrame;
import dev.tern.sim.ops.NarrowOps;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each port's words sit in the buffers of a batch run ({@link Simulator#run(long[], int, long[], int, int)}).
 * A buffer holds one frame per cycle. An input frame has {@link #inputWords()} words: every input port of
 * {@link Simulator#inputs()} ({@code rst} first in a clocked design, then in declaration order), each as
 * its packed words (least significant first, bits above the width zero, as {@link Simulator#pokeWords}
 * takes them). An output frame has {@link #outputWords()} words: every port of {@link Simulator#outputs()}
 * in the same way. {@link #offset(Port)} gives a port's first word within its frame; {@link #set} and
 * {@link #get} read and write single narrow values with the checks of {@code poke} and the reading of
 * {@code peek}.
 *
 * <pre>{@code
 * BatchLayout layout = sim.batchLayout();
 * long[] in = new long[cycles * layout.inputWords()];
 * long[] out = new long[cycles * layout.outputWords()];
 * for (int c = 0; c < cycles; c++) {
 *     layout.set(in, c, sim.port("enable"), 1);
 * }
 * sim.run(in, out);
 * long countInCycle3 = layout.get(out, 3, sim.port("count"));
 * }</pre>
 */
public final class BatchLayout {
    private final Simulator owner;
    private final PortFrame inputs;
    private final PortFrame outputs;
    private final Map<String, Integer> inputOffsets = new HashMap<>();
    private final Map<String, Integer> outputOffsets = new HashMap<>();

    BatchLayout(Simulator owner, PortFrame inputs, PortFrame outputs) {
        this.owner = owner;
        this.inputs = inputs;
        this.outputs = outputs;
        inputs.entries().forEach(e -> inputOffsets.put(e.name(), e.offset()));
        outputs.entries().forEach(e -> outputOffsets.put(e.name(), e.offset()));
    }

    /** Words of one cycle's input frame. */
    public int inputWords() {
        return inputs.words();
    }

    /** Words of one cycle's output frame. */
    public int outputWords() {
        return outputs.words();
    }

    /** The port's first word within its frame (the input frame for an input, the output frame for an output). */
    public int offset(Port port) {
        if (port.owner != owner) {
            throw new SimulationException(port.name + " is a handle of another simulator; look it up on this one");
        }
        return (port.isInput() ? inputOffsets : outputOffsets).get(port.name);
    }

    /** Sets a narrow input in the frame of {@code cycle}, accepting the values {@link Simulator#poke(Port, long)} does. */
    public void set(long[] inputs, int cycle, Port port, long value) {
        if (!port.isInput()) {
            throw new SimulationException(port.name + " is an output; only inputs have a place in the input frames");
        }
        checkNarrow(port);
        inputs[cycle * inputWords() + offset(port)] = Values.checkFits(value, port.type, "port " + port.name);
    }

    /** A narrow output in the frame of {@code cycle}, as {@link Simulator#peek(Probe)} reads it. */
    public long get(long[] outputs, int cycle, Port port) {
        if (port.isInput()) {
            throw new SimulationException(port.name + " is an input; only outputs have a place in the output frames");
        }
        checkNarrow(port);
        long raw = outputs[cycle * outputWords() + offset(port)];
        return port.type.signed() ? NarrowOps.signExtend(raw, port.width()) : raw;
    }

    private static void checkNarrow(Port port) {
        if (port.width() > 64) {
            throw new SimulationException(port.name + " is " + port.type + ", wider than a long; use its words from offset(port)");
        }
    }

    PortFrame inputFrame() {
        return inputs;
    }

    PortFrame outputFrame() {
        return outputs;
    }
}
