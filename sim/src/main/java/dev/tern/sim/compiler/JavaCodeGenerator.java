package dev.tern.sim.compiler;

import dev.tern.hdl.ir.BinaryOp;
import dev.tern.hdl.ir.UnaryOp;
import dev.tern.sim.engine.MemoryStore;
import dev.tern.sim.engine.PortFrame;
import dev.tern.sim.engine.SlotLayout;
import dev.tern.sim.netlist.FlatNetlist;
import dev.tern.sim.netlist.Node;
import dev.tern.sim.ops.PackedBits;
import dev.tern.sim.ops.WideOps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the Java source of a {@link CompiledModel} for a flattened design, as three sequences of
 * straight-line code and a batch loop over them:
 * <ul>
 *   <li>{@code evaluateOutputs}: the nodes the top output ports depend on, in levelised order;</li>
 *   <li>{@code evaluateRest}: the other nodes that named signals depend on;</li>
 *   <li>{@code clockEdge}: the rising edge by itself, from inputs and state, in the order of
 *       {@link EdgeSchedule}, writing registers in place;</li>
 *   <li>{@code runCycles}: per cycle, the input frame copied into the input slots, {@code evaluateOutputs},
 *       the output slots copied into the output frame, {@code clockEdge} ({@link PortFrame} lays out the frames).</li>
 * </ul>
 * Each value of up to 64 bits is a {@code long} local of the method computing it, stored in the value
 * array only when something outside that method reads it (the simulator, another method); wider values
 * live in the array. A narrow operator is a Java expression with its widths folded ({@link NarrowExpressions});
 * a wide one is a call of {@code WideOps}.
 * Sequences are cut into methods of about {@code methodBudget} bytes of bytecode, far below the 8000
 * bytes beyond which HotSpot does not compile a method. No cycle allocates.
 */
public final class JavaCodeGenerator {
    static final String PACKAGE = "dev.tern.sim.compiler";
    /** Dispatch methods call at most this many methods, keeping them small as well. */
    private static final int CALLS_PER_DISPATCH = 400;
    private static final int APPLY_COST = 30;
    private static final int LOOP_COST = 40;
    private static final int LOOP_POSITION_COST = 14;
    private static final int VECTOR_POSITION_COST = 40;
    private static final int WINDOW_COST = 16;
    /** The generated field holding the windows that lane field extractions read. */
    private static final String WINDOWS = "windows";
    /** Generated methods of plain statements (bindings, frame copies) hold at most this many. */
    private static final int STATEMENTS_PER_METHOD = 100;
    /**
     * Runs of a frame up to this many words are copied word by word, longer ones by {@code System.arraycopy}: the
     * edge reads the input words right after the copy, and a word load waits for the wide stores of the copy
     * routine to reach the cache where it takes the value of a word store straight from it.
     */
    private static final int INLINE_COPY_WORDS = 16;

    /** Concatenations of more parts than this read them from slots through tables, keeping the code small. */
    private static final int LISTED_CONCAT_PARTS = 16;

    /**
     * Generated source with the value layout it assumes and the integer tables its constructor takes
     * (the part slots and widths of long concatenations).
     */
    public record Generated(String binaryName, String source, SlotLayout layout, List<int[]> tables, boolean usesVectorApi) {
        public Generated {
            tables = List.copyOf(tables);
        }
    }

    /** The code sequences; the two evaluation phases share one definition of each node. */
    private enum Phase {
        OUTPUTS("evaluateOutputs", "o"), REST("evaluateRest", "r"), EDGE("clockEdge", "e");

        final String method;
        final String prefix;

        Phase(String method, String prefix) {
            this.method = method;
            this.prefix = prefix;
        }

        boolean isEdge() {
            return this == EDGE;
        }
    }

    /** One generated method: a run of steps of one phase. */
    private record Chunk(int id, Phase phase, List<Step> steps) {
        String name() {
            return phase.prefix + id;
        }
    }

    private final FlatNetlist netlist;
    private final List<Chunk> chunks = new ArrayList<>();
    /** For each node, the chunk whose method computes it during evaluation / during the edge, or -1. */
    private final int[] evaluationChunk;
    private final int[] edgeChunk;
    /** Whether a node is read by the method that computes it, during evaluation / during the edge. */
    private final boolean[] readLocallyInEvaluation;
    private final boolean[] readLocallyInEdge;
    /**
     * Whether the edge reads a node from its slot (another method of the edge, or a loop, reads it). The edge
     * stores only those: the slots of named signals are brought up to date by the evaluation before a read.
     */
    private final boolean[] readFromSlotInEdge;
    private final SlotLayout layout;
    private final List<int[]> tables = new ArrayList<>();
    /** Whether lane loops are written with the Vector API where their bodies have a lanewise form. */
    private final boolean vectorLoops;
    /** Whether some loop was written with the Vector API, so that the class declares its species. */
    private boolean wroteVectors;
    /** The length of the windows array the lane field loops fill and read; 0 when none does. */
    private int windowsLength;
    /**
     * The fills of windows of a bus that is an input or state, for the vector loops: the rising edge starts with
     * them, long before a loop reads eight of them as one vector (a load that follows the eight stores it reads
     * closely waits until they have all reached the cache). The values are those before the edge either way.
     */
    private final List<String> earlyWindows = new ArrayList<>();
    /** The blocks of lane fields the rising edge extracts with vector loops, through the windows array. */
    private final List<LaneFields> laneFields;

    private JavaCodeGenerator(FlatNetlist netlist, int methodBudget, boolean vectorLoops) {
        this.netlist = netlist;
        this.vectorLoops = vectorLoops;
        int n = netlist.nodes().size();
        evaluationChunk = new int[n];
        edgeChunk = new int[n];
        Arrays.fill(evaluationChunk, -1);
        Arrays.fill(edgeChunk, -1);
        readLocallyInEvaluation = new boolean[n];
        readLocallyInEdge = new boolean[n];
        readFromSlotInEdge = new boolean[n];

        boolean[] needsSlot = SlotLayout.named(netlist);
        LaneGroups.Plan lanes = LaneGroups.of(netlist, LoopLimits.of(vectorLoops));
        lanes.blocks().forEach(block -> Arrays.stream(block).forEach(node -> needsSlot[node] = true));
        for (int i = 0; i < n; i++) {
            if (netlist.width(i) > 64) {
                needsSlot[i] = true;
            }
            if (netlist.node(i) instanceof Node.Binary b && b.op() == BinaryOp.MUL && b.width() > 64) {
                needsSlot[b.left()] = true;
                needsSlot[b.right()] = true;
            }
            if (listed(netlist.node(i))) {
                for (int part : netlist.node(i).operands()) {
                    needsSlot[part] = true;
                }
            }
        }
        Map<Phase, List<Step>> phases = new EnumMap<>(Phase.class);
        List<Integer> outputs = netlist.ports().stream().filter(p -> !p.isInput()).map(FlatNetlist.Port::node).toList();
        boolean[] outputCone = Cones.computedNodesReachedFrom(netlist, outputs);
        List<Integer> observed = new ArrayList<>();
        netlist.signals().forEach(s -> observed.add(s.node()));
        boolean[] observedCone = Cones.computedNodesReachedFrom(netlist, observed);
        phases.put(Phase.OUTPUTS, computeSteps(outputCone, null));
        phases.put(Phase.REST, computeSteps(observedCone, outputCone));
        List<Step> edge = EdgeSchedule.withLoops(netlist, lanes.groups());
        laneFields = edge != null ? LaneFields.of(netlist, lanes.blocks()) : List.of();
        phases.put(Phase.EDGE, edge != null ? LaneFields.inEdge(edge, laneFields) : EdgeSchedule.of(netlist));
        for (Map.Entry<Phase, List<Step>> phase : phases.entrySet()) {
            split(phase.getKey(), phase.getValue(), needsSlot, methodBudget);
        }
        for (Chunk chunk : chunks) {
            int[] definedIn = chunk.phase.isEdge() ? edgeChunk : evaluationChunk;
            boolean[] local = chunk.phase.isEdge() ? readLocallyInEdge : readLocallyInEvaluation;
            for (Step step : chunk.steps) {
                for (int operand : reads(step)) {
                    if (operand == FlatNetlist.NONE || !computed(operand)) {
                        continue;
                    }
                    if (definedIn[operand] == chunk.id) {
                        local[operand] = true;
                    } else {
                        needsSlot[operand] = true;
                        readFromSlotInEdge[operand] |= chunk.phase.isEdge();
                    }
                }
                if (chunk.phase.isEdge() && step instanceof Step.Compute compute && readsOperandSlots(netlist.node(compute.node()))) {
                    Arrays.stream(netlist.node(compute.node()).operands()).forEach(node -> readFromSlotInEdge[node] = true);
                }
                if (step instanceof Step.Lanes loop) {
                    LaneGroup group = loop.group();
                    for (int p : group.reachedPositions()) {
                        if (group.isLaneOperand(netlist, p)) {
                            Arrays.stream(group.nodes()[p]).forEach(node -> readFromSlotInEdge[node] = true);
                        }
                    }
                }
            }
        }
        this.layout = SlotLayout.assign(netlist, needsSlot, lanes.blocks());
    }

    /** Plain loops only: generated code that compiles and runs without the Vector API. */
    public static Generated generate(FlatNetlist netlist, String simpleName, int methodBudget) {
        return generate(netlist, simpleName, methodBudget, false);
    }

    /**
     * @param methodBudget estimated bytecode bytes per generated method
     * @param vectorLoops  whether to write lane loops with the Vector API ({@code jdk.incubator.vector}), which
     *                     compiling and running the class then needs ({@link VectorLoops#available})
     */
    public static Generated generate(FlatNetlist netlist, String simpleName, int methodBudget, boolean vectorLoops) {
        JavaCodeGenerator generator = new JavaCodeGenerator(netlist, methodBudget, vectorLoops);
        String source = generator.source(simpleName);
        return new Generated(PACKAGE + "." + simpleName, source, generator.layout, generator.tables, generator.wroteVectors);
    }

    /** Whether the node's code reads its operands from their slots: wide operations take slots, not values. */
    private boolean readsOperandSlots(Node node) {
        return node.width() > 64 || Arrays.stream(node.operands()).anyMatch(operand -> netlist.width(operand) > 64);
    }

    /** A wide concatenation of so many parts that it reads them through tables. */
    private static boolean listed(Node node) {
        return node instanceof Node.Concat c && c.width() > 64 && c.parts().length > LISTED_CONCAT_PARTS;
    }

    private List<Step> computeSteps(boolean[] cone, boolean[] excluded) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < cone.length; i++) {
            if (cone[i] && (excluded == null || !excluded[i])) {
                steps.add(new Step.Compute(i));
            }
        }
        return steps;
    }

    private void split(Phase phase, List<Step> steps, boolean[] needsSlot, int methodBudget) {
        List<Step> current = new ArrayList<>();
        int cost = 0;
        for (Step step : steps) {
            int c = cost(step, needsSlot);
            if (cost > 0 && cost + c > methodBudget) {
                chunks.add(new Chunk(chunks.size(), phase, current));
                current = new ArrayList<>();
                cost = 0;
            }
            current.add(step);
            cost += c;
            if (step instanceof Step.Compute compute) {
                (phase.isEdge() ? edgeChunk : evaluationChunk)[compute.node()] = chunks.size();
            }
        }
        if (!current.isEmpty()) {
            chunks.add(new Chunk(chunks.size(), phase, current));
        }
    }

    private int[] reads(Step step) {
        if (step instanceof Step.Compute compute) {
            return netlist.node(compute.node()).operands();
        }
        if (step instanceof Step.Lanes lanes) {
            return lanes.group().inputs(netlist);
        }
        if (step instanceof Step.Fields fields) {
            return new int[] {fields.fields().bus()};
        }
        return ((Step.Apply) step).update().inputs();
    }

    /** A node computed by generated code (not an input, state or constant). */
    private boolean computed(int node) {
        Node n = netlist.node(node);
        return !n.isLeaf() && !(n instanceof Node.Constant);
    }

    /** A rough bytecode size of a step, enough to cut methods well below the limit. */
    private int cost(Step step, boolean[] needsSlot) {
        if (step instanceof Step.Apply) {
            return APPLY_COST;
        }
        // A vector loop is the vector body and the plain loop over the lanes left over; a lanewise call takes more
        // bytes than the operator it replaces.
        int positionCost = vectorLoops ? VECTOR_POSITION_COST : LOOP_POSITION_COST;
        if (step instanceof Step.Lanes lanes) {
            return LOOP_COST + positionCost * lanes.group().reachedPositions().size();
        }
        if (step instanceof Step.Fields fields) {
            return LOOP_COST + positionCost * fields.fields().runShift().length + WINDOW_COST * fields.fields().chunk();
        }
        int index = ((Step.Compute) step).node();
        Node node = netlist.node(index);
        int operands = node.operands().length;
        int base = node.width() > 64 ? 26 + 5 * operands : 20 + 6 * operands;
        if (node instanceof Node.Concat c) {
            base = listed(c) ? 30 : 12 + 18 * c.parts().length;
        }
        return base + (needsSlot[index] ? 8 : 0);
    }

    // ---- the class ----

    private String source(String simpleName) {
        StringBuilder out = new StringBuilder(128 * netlist.nodes().size() + 4096);
        out.append("package ").append(PACKAGE).append(";\n\n");
        StringBuilder methods = new StringBuilder();
        for (Chunk chunk : chunks) {
            method(methods, chunk);
        }
        out.append("import dev.tern.sim.ops.NarrowOps;\n");
        out.append("import dev.tern.sim.ops.WideOps;\n");
        if (wroteVectors) {
            out.append("import jdk.incubator.vector.LongVector;\n");
            out.append("import jdk.incubator.vector.VectorOperators;\n");
            out.append("import jdk.incubator.vector.VectorSpecies;\n");
        }
        out.append("\n/** Generated by Tern for ").append(netlist.name().replace("*/", "* /")).append(". */\n");
        out.append("public final class ").append(simpleName).append(" extends CompiledModel {\n");
        if (wroteVectors) {
            out.append("    private static final VectorSpecies<Long> ").append(VectorExpressions.SPECIES)
                    .append(" = LongVector.SPECIES_PREFERRED;\n");
        }
        fieldsAndConstructor(out, simpleName);
        out.append(methods);
        List<String> early = earlyWindowMethods(out);
        for (Phase phase : Phase.values()) {
            List<String> calls = new ArrayList<>(phase.isEdge() ? early : List.of());
            chunks.stream().filter(c -> c.phase == phase).map(Chunk::name).forEach(calls::add);
            dispatch(out, phase, calls);
        }
        runCycles(out);
        out.append("}\n");
        return out.toString();
    }

    /** The memory arrays and tables, bound by the constructor. */
    private void fieldsAndConstructor(StringBuilder out, String simpleName) {
        List<FlatNetlist.Memory> memories = netlist.memories();
        List<String> bindings = new ArrayList<>();
        for (int m = 0; m < memories.size(); m++) {
            out.append("    private ").append(arrayType(memories.get(m))).append(" m").append(m).append(";\n");
            bindings.add("m" + m + " = (" + arrayType(memories.get(m)) + ") memories[" + m + "];");
        }
        for (int t = 0; t < tables.size(); t++) {
            out.append("    private int[] k").append(t).append(";\n");
            bindings.add("k" + t + " = tables[" + t + "];");
        }
        if (windowsLength > 0) {
            out.append("    private final long[] ").append(WINDOWS).append(" = new long[").append(windowsLength).append("];\n");
        }
        out.append("\n    public ").append(simpleName).append("(long[] values, Object[] memories, int[][] tables) {\n");
        out.append("        super(values);\n");
        out.append("        bind(memories, tables);\n");
        out.append("    }\n");
        statements(out, "bind", "Object[] memories, int[][] tables", "memories, tables", bindings);
    }

    /**
     * A private method {@code name(parameters)} running {@code statements} in order, through methods of at most
     * {@value #STATEMENTS_PER_METHOD} statements each when there are more.
     */
    private static void statements(StringBuilder out, String name, String parameters, String arguments, List<String> statements) {
        List<String> body = statements;
        if (statements.size() > STATEMENTS_PER_METHOD) {
            body = new ArrayList<>();
            for (int start = 0; start < statements.size(); start += STATEMENTS_PER_METHOD) {
                String part = name + body.size();
                statements(out, part, parameters, arguments,
                        statements.subList(start, Math.min(statements.size(), start + STATEMENTS_PER_METHOD)));
                body.add(part + "(" + arguments + ");");
            }
        }
        out.append("\n    private void ").append(name).append("(").append(parameters).append(") {\n");
        body.forEach(b -> out.append("        ").append(b).append('\n'));
        out.append("    }\n");
    }

    /**
     * The batch loop of {@link CompiledModel#runCycles}: frames in and out by straight copies (one per run of
     * adjacent slots), the outputs' evaluation and the edge called directly so that the JIT can inline them.
     */
    private void runCycles(StringBuilder out) {
        PortFrame inputs = PortFrame.inputs(netlist, layout);
        PortFrame outputs = PortFrame.outputs(netlist, layout);
        statements(out, "loadInputs", "long[] in, int at", "in, at", copies(inputs, true));
        statements(out, "storeOutputs", "long[] out, int at", "out, at", copies(outputs, false));
        out.append("\n    @Override\n");
        out.append("    public void runCycles(long[] in, int inFrom, long[] out, int outFrom, int cycles) {\n");
        out.append("        for (int c = 0; c < cycles; c++) {\n");
        out.append("            loadInputs(in, inFrom + c * ").append(inputs.words()).append(");\n");
        out.append("            if (out != null) {\n");
        out.append("                evaluateOutputs();\n");
        out.append("                storeOutputs(out, outFrom + c * ").append(outputs.words()).append(");\n");
        out.append("            }\n");
        if (netlist.isClocked()) {
            out.append("            clockEdge();\n");
        }
        out.append("        }\n");
        out.append("    }\n");
    }

    /** The methods filling {@link #earlyWindows}, in order. */
    private List<String> earlyWindowMethods(StringBuilder out) {
        List<String> names = new ArrayList<>();
        for (int from = 0; from < earlyWindows.size(); from += STATEMENTS_PER_METHOD) {
            String name = "windows" + names.size();
            names.add(name);
            out.append("\n    private void ").append(name).append("() {\n        final long[] v = this.v;\n");
            earlyWindows.subList(from, Math.min(earlyWindows.size(), from + STATEMENTS_PER_METHOD))
                    .forEach(fill -> out.append("        ").append(fill).append('\n'));
            out.append("    }\n");
        }
        return names;
    }

    /** Statements copying a frame at {@code at} in its array into the value array (the input frame) or back. */
    private static List<String> copies(PortFrame frame, boolean intoValues) {
        String frameArray = intoValues ? "in" : "out";
        List<String> copies = new ArrayList<>();
        for (PortFrame.Run r : frame.runs()) {
            if (r.words() <= INLINE_COPY_WORDS) {
                for (int w = 0; w < r.words(); w++) {
                    String word = frameArray + "[at + " + (r.offset() + w) + "]";
                    String value = "this.v[" + (r.slot() + w) + "]";
                    copies.add(intoValues ? value + " = " + word + ";" : word + " = " + value + ";");
                }
            } else {
                String framePlace = frameArray + ", at + " + r.offset();
                String valuePlace = "this.v, " + r.slot();
                copies.add("System.arraycopy(" + (intoValues ? framePlace + ", " + valuePlace : valuePlace + ", " + framePlace)
                        + ", " + r.words() + ");");
            }
        }
        return copies;
    }

    private static String arrayType(FlatNetlist.Memory memory) {
        return switch (MemoryStore.kindFor(memory.width())) {
            case BYTE -> "byte[]";
            case SHORT -> "short[]";
            case INT -> "int[]";
            case LONG, WIDE -> "long[]";
        };
    }

    /** The public method of a phase, calling its methods in order, through intermediate methods when there are many. */
    private static void dispatch(StringBuilder out, Phase phase, List<String> methods) {
        List<String> calls = methods;
        int level = 0;
        while (calls.size() > CALLS_PER_DISPATCH) {
            List<String> groups = new ArrayList<>();
            for (int start = 0; start < calls.size(); start += CALLS_PER_DISPATCH) {
                String name = phase.prefix + "group" + level + "_" + groups.size();
                groups.add(name);
                out.append("\n    private void ").append(name).append("() {\n");
                calls.subList(start, Math.min(calls.size(), start + CALLS_PER_DISPATCH))
                        .forEach(c -> out.append("        ").append(c).append("();\n"));
                out.append("    }\n");
            }
            calls = groups;
            level++;
        }
        out.append("\n    @Override\n    public void ").append(phase.method).append("() {\n");
        calls.forEach(c -> out.append("        ").append(c).append("();\n"));
        out.append("    }\n");
    }

    private void method(StringBuilder out, Chunk chunk) {
        out.append("\n    private void ").append(chunk.name()).append("() {\n");
        out.append("        final long[] v = this.v;\n");
        boolean appliesReset = chunk.steps.stream().anyMatch(s -> s instanceof Step.Apply a
                && a.update() instanceof StateUpdate.RegisterLoad r && r.register().resetValue() != null
                || s instanceof Step.Lanes l && l.group().reset() != null);
        if (appliesReset) {
            out.append("        final boolean rst = v[").append(slot(netlist.resetNode())).append("] != 0L;\n");
        }
        for (Step step : chunk.steps) {
            if (step instanceof Step.Compute compute) {
                node(out, compute.node(), chunk);
            } else if (step instanceof Step.Lanes lanes) {
                out.append("        ").append(laneLoop(lanes.group(), chunk)).append('\n');
            } else if (step instanceof Step.Fields fields) {
                laneFieldLoops(out, fields.fields(), chunk);
            } else {
                out.append("        ").append(apply(((Step.Apply) step).update(), chunk)).append('\n');
            }
        }
        out.append("    }\n");
    }

    // ---- computing nodes ----

    private void node(StringBuilder out, int index, Chunk chunk) {
        Node node = netlist.node(index);
        if (node.width() > 64) {
            wide(out, index, node, chunk);
            return;
        }
        boolean local = (chunk.phase.isEdge() ? readLocallyInEdge : readLocallyInEvaluation)[index];
        boolean stored = layout.hasSlot(index) && (!chunk.phase.isEdge() || readFromSlotInEdge[index]);
        if (!local && !stored) {
            return;
        }
        if (node instanceof Node.Concat c && c.parts().length > 2) {
            concatNarrow(out, index, c, chunk, stored);
            return;
        }
        String expr = narrow(node, operands(chunk));
        if (local && signedExtension(index)) {
            // The 64-bit sign extension first, for the wrapping operators that read it (see wrapping()).
            out.append("        final long s").append(index).append(" = ")
                    .append(fullSignExtension((Node.Extend) node, operands(chunk))).append(";\n");
            expr = NarrowExpressions.mask("s" + index, node.width());
        }
        if (local) {
            out.append("        final long t").append(index).append(" = ").append(expr).append(";\n");
            if (stored) {
                out.append("        v[").append(slot(index)).append("] = t").append(index).append(";\n");
            }
        } else {
            out.append("        v[").append(slot(index)).append("] = ").append(expr).append(";\n");
        }
    }

    /** A narrow concatenation of many parts, accumulated in a local. */
    private void concatNarrow(StringBuilder out, int index, Node.Concat c, Chunk chunk, boolean stored) {
        int[] parts = c.parts();
        String t = "t" + index;
        out.append("        long ").append(t).append(" = ").append(operand(parts[0], chunk)).append(";\n");
        for (int p = 1; p < parts.length; p++) {
            out.append("        ").append(t).append(" = ")
                    .append(NarrowExpressions.concat(t, operand(parts[p], chunk), netlist.width(parts[p]))).append(";\n");
        }
        if (stored) {
            out.append("        v[").append(slot(index)).append("] = ").append(t).append(";\n");
        }
    }

    /** The Java expression of a node of at most 64 bits. */
    private String narrow(Node node, OperandText in) {
        int w = node.width();
        if (node instanceof Node.Unary u) {
            int wa = netlist.width(u.operand());
            if (wa > 64) {
                return "WideOps." + reduction(u) + "(v, " + slot(u.operand()) + ", " + wa + ")";
            }
            String a = in.value(u.operand());
            return switch (u.op()) {
                case NOT -> NarrowExpressions.not(in.wrapping(u.operand()), w);
                case NEG -> NarrowExpressions.neg(in.wrapping(u.operand()), w);
                case AND_REDUCE -> NarrowExpressions.andReduce(a, wa);
                case OR_REDUCE -> NarrowExpressions.orReduce(a, wa);
                case XOR_REDUCE -> NarrowExpressions.xorReduce(a);
            };
        }
        if (node instanceof Node.Binary b) {
            return narrowBinary(b, in);
        }
        if (node instanceof Node.Mux m) {
            return NarrowExpressions.mux(in.value(m.select()), in.value(m.whenTrue()), in.value(m.whenFalse()));
        }
        if (node instanceof Node.Concat c) {
            int[] parts = c.parts();
            if (parts.length == 1) {
                return in.value(parts[0]);
            }
            return NarrowExpressions.concat(in.value(parts[0]), in.value(parts[1]), netlist.width(parts[1]));
        }
        if (node instanceof Node.Slice s) {
            int from = netlist.width(s.operand());
            if (from > 64) {
                return NarrowExpressions.extract(slot(s.operand()), from, s.low(), w);
            }
            return NarrowExpressions.slice(in.value(s.operand()), from, s.low(), w);
        }
        if (node instanceof Node.Extend x) {
            return NarrowExpressions.extend(in.value(x.operand()), netlist.width(x.operand()), w, x.signed());
        }
        return in.value(((Node.Copy) node).operand());
    }

    private static String reduction(Node.Unary u) {
        return switch (u.op()) {
            case AND_REDUCE -> "andReduce";
            case OR_REDUCE -> "orReduce";
            case XOR_REDUCE -> "xorReduce";
            default -> throw new IllegalStateException(u.op() + " of a wide value is wide");
        };
    }

    private String narrowBinary(Node.Binary b, OperandText in) {
        int w = netlist.width(b.left());
        int wr = netlist.width(b.right());
        if (w > 64 && !b.op().isShift()) {
            String args = "(v, " + slot(b.left()) + ", " + slot(b.right()) + ", " + w;
            return switch (b.op()) {
                case EQ -> "WideOps.eq" + args + ")";
                case NE -> "WideOps.ne" + args + ")";
                case LT -> "WideOps.lt" + args + ", " + b.signed() + ")";
                case LE -> "WideOps.le" + args + ", " + b.signed() + ")";
                case GT -> "WideOps.gt" + args + ", " + b.signed() + ")";
                case GE -> "WideOps.ge" + args + ", " + b.signed() + ")";
                default -> throw new IllegalStateException(b.op() + " of wide operands is wide");
            };
        }
        String l = in.value(b.left());
        if (b.op().isShift()) {
            return shift(b, l, w, in);
        }
        String r = in.value(b.right());
        return switch (b.op()) {
            case ADD -> NarrowExpressions.add(in.wrapping(b.left()), in.wrapping(b.right()), w);
            case SUB -> NarrowExpressions.sub(in.wrapping(b.left()), in.wrapping(b.right()), w);
            case MUL -> NarrowExpressions.mul(l, w, r, wr, b.signed());
            case AND -> NarrowExpressions.and(l, r);
            case OR -> NarrowExpressions.or(l, r);
            case XOR -> NarrowExpressions.xor(l, r);
            case EQ -> NarrowExpressions.eq(l, r, w);
            case NE -> NarrowExpressions.ne(l, r, w);
            case LT -> NarrowExpressions.lt(l, r, w, b.signed());
            case LE -> NarrowExpressions.le(l, r, w, b.signed());
            case GT -> NarrowExpressions.gt(l, r, w, b.signed());
            case GE -> NarrowExpressions.ge(l, r, w, b.signed());
            default -> throw new IllegalStateException("not a shift: " + b.op());
        };
    }

    /** A shift of a narrow value: folded for a constant amount, otherwise a call. */
    private String shift(Node.Binary b, String value, int width, OperandText in) {
        if (netlist.node(b.right()) instanceof Node.Constant c) {
            long amount = c.value().toUnsigned().bitLength() > 64 ? -1L : c.value().toUnsigned().longValue();
            return switch (b.op()) {
                case SHL -> NarrowExpressions.shl(value, amount, width);
                case SHR -> NarrowExpressions.shr(value, amount, width);
                default -> NarrowExpressions.sra(value, amount, width);
            };
        }
        String amount = shiftAmount(b.right(), in);
        return switch (b.op()) {
            case SHL -> "NarrowOps.shl(" + value + ", " + amount + ", " + width + ")";
            case SHR -> "NarrowOps.shr(" + value + ", " + amount + ", " + width + ")";
            default -> "NarrowOps.sra(" + value + ", " + amount + ", " + width + ")";
        };
    }

    /**
     * An operand of an operator whose result keeps only its low bits (a wrapping sum, difference,
     * negation or inverse), where bit {@code i} of the result depends only on bits up to {@code i}: a sign
     * extension computed in the same method is read as its sign-extended 64-bit local {@code s<node>},
     * saving the mask the operator applies anyway (the low bits are the same).
     */
    private String wrapping(int node, Chunk chunk) {
        if (signedExtension(node) && (chunk.phase.isEdge() ? edgeChunk : evaluationChunk)[node] == chunk.id) {
            return "s" + node;
        }
        return operand(node, chunk);
    }

    /** A signed extension's operand sign-extended to all 64 bits, which wrapping operators read unmasked. */
    private String fullSignExtension(Node.Extend x, OperandText in) {
        return NarrowExpressions.signExtend(in.value(x.operand()), netlist.width(x.operand()));
    }

    private boolean signedExtension(int node) {
        return netlist.node(node) instanceof Node.Extend x && x.signed() && x.width() <= 64;
    }

    /** A shift amount as an unsigned long, whatever its width. */
    private String shiftAmount(int amount, OperandText in) {
        int w = netlist.width(amount);
        return w > 64 ? "WideOps.shiftAmount(v, " + slot(amount) + ", " + w + ")" : in.value(amount);
    }

    /** The statements computing a node wider than 64 bits into its slot. */
    private void wide(StringBuilder out, int index, Node node, Chunk chunk) {
        int d = slot(index);
        int w = node.width();
        String call;
        if (node instanceof Node.Unary u) {
            call = (u.op() == UnaryOp.NOT ? "WideOps.not(v, " : "WideOps.neg(v, ") + d + ", " + slot(u.operand()) + ", " + w + ")";
        } else if (node instanceof Node.Binary b) {
            call = wideBinary(b, d, chunk);
        } else if (node instanceof Node.Mux m) {
            call = "WideOps.copy(v, " + d + ", " + operand(m.select(), chunk) + " != 0L ? " + slot(m.whenTrue()) + " : "
                    + slot(m.whenFalse()) + ", " + w + ")";
        } else if (node instanceof Node.Concat c && listed(c)) {
            int[] parts = c.parts();
            int[] slots = new int[parts.length];
            int[] widths = new int[parts.length];
            for (int p = 0; p < parts.length; p++) {
                slots[p] = slot(parts[p]);
                widths[p] = netlist.width(parts[p]);
            }
            tables.add(slots);
            tables.add(widths);
            call = "WideOps.concat(v, " + d + ", " + w + ", this.k" + (tables.size() - 2) + ", this.k" + (tables.size() - 1) + ")";
        } else if (node instanceof Node.Concat c) {
            out.append("        WideOps.zero(v, ").append(d).append(", ").append(w).append(");\n");
            int low = w;
            for (int part : c.parts()) {
                int pw = netlist.width(part);
                low -= pw;
                if (pw > 64) {
                    out.append("        WideOps.depositBits(v, ").append(slot(part)).append(", 0, ").append(d).append(", ")
                            .append(low).append(", ").append(pw).append(");\n");
                } else {
                    out.append("        WideOps.deposit(v, ").append(d).append(", ").append(low).append(", ")
                            .append(operand(part, chunk)).append(", ").append(pw).append(");\n");
                }
            }
            return;
        } else if (node instanceof Node.Slice s) {
            call = "WideOps.slice(v, " + d + ", " + slot(s.operand()) + ", " + s.low() + ", " + w + ")";
        } else if (node instanceof Node.Extend x) {
            int from = netlist.width(x.operand());
            call = from > 64
                    ? "WideOps.extend(v, " + d + ", " + w + ", " + slot(x.operand()) + ", " + from + ", " + x.signed() + ")"
                    : "WideOps.extendNarrow(v, " + d + ", " + w + ", " + operand(x.operand(), chunk) + ", " + from + ", "
                    + x.signed() + ")";
        } else {
            call = "WideOps.copy(v, " + d + ", " + slot(((Node.Copy) node).operand()) + ", " + w + ")";
        }
        out.append("        ").append(call).append(";\n");
    }

    private String wideBinary(Node.Binary b, int d, Chunk chunk) {
        int w = b.width();
        int l = slot(b.left());
        if (b.op().isShift()) {
            String name = switch (b.op()) {
                case SHL -> "shl";
                case SHR -> "shr";
                default -> "sra";
            };
            return "WideOps." + name + "(v, " + d + ", " + l + ", " + w + ", " + shiftAmount(b.right(), operands(chunk)) + ")";
        }
        int r = slot(b.right());
        return switch (b.op()) {
            case ADD -> "WideOps.add(v, " + d + ", " + l + ", " + r + ", " + w + ")";
            case SUB -> "WideOps.sub(v, " + d + ", " + l + ", " + r + ", " + w + ")";
            case AND -> "WideOps.and(v, " + d + ", " + l + ", " + r + ", " + w + ")";
            case OR -> "WideOps.or(v, " + d + ", " + l + ", " + r + ", " + w + ")";
            case XOR -> "WideOps.xor(v, " + d + ", " + l + ", " + r + ", " + w + ")";
            case MUL -> "WideOps.mul(v, " + d + ", " + l + ", " + netlist.width(b.left()) + ", " + r + ", "
                    + netlist.width(b.right()) + ", " + b.signed() + ")";
            default -> throw new IllegalStateException(b.op() + " has a one-bit result");
        };
    }

    /** How an expression reads its operand nodes: in a chunk's method, or in a lane loop's body. */
    private interface OperandText {
        String value(int node);

        /** The operand of an operator that keeps only the low bits of its result (see {@link #wrapping(int, Chunk)}). */
        String wrapping(int node);
    }

    private OperandText operands(Chunk chunk) {
        return new OperandText() {
            @Override
            public String value(int node) {
                return operand(node, chunk);
            }

            @Override
            public String wrapping(int node) {
                return JavaCodeGenerator.this.wrapping(node, chunk);
            }
        };
    }

    /**
     * The loop updating a lane group's registers: per lane {@code i}, each operator of the lane's expression a
     * local, lane operands read from their slots at {@code + i}, invariant ones as the chunk reads them.
     */
    private String laneLoop(LaneGroup group, Chunk chunk) {
        int lanes = group.lanes();
        boolean[] materialised = group.materialised();
        Map<Integer, String> text = new HashMap<>();
        // The 64-bit sign extensions of the loop's signed extensions, for the wrapping operators of the same loop.
        Map<Integer, String> extended = new HashMap<>();
        Map<Integer, Integer> positionOf = new HashMap<>();
        StringBuilder invariants = new StringBuilder();
        LaneLoop[] loops = new LaneLoop[group.loopEnds().length + 1];
        Arrays.setAll(loops, b -> new LaneLoop(lanes));
        for (int p : group.reachedPositions()) {
            int first = group.nodes()[p][0];
            Node node = netlist.node(first);
            positionOf.put(first, p);
            if (group.isInvariant(p) && node instanceof Node.Constant c) {
                text.put(first, literal(c.value().toLong()));
            } else if (group.isInvariant(p)) {
                // Read once before the loop: the value may be a register the loop itself overwrites.
                invariants.append("final long u").append(first).append(" = ").append(operand(first, chunk)).append(";\n        ");
                text.put(first, "u" + first);
            } else if (node instanceof Node.Constant c) {
                text.put(first, literal(c.value().toLong()));
            } else if (group.isLeaf(p)) {
                text.put(first, "v[" + slot(first) + " + i]");
            } else {
                int loop = group.loopOf(p);
                OperandText inLoop = new OperandText() {
                    @Override
                    public String value(int operand) {
                        Integer at = positionOf.get(operand);
                        boolean earlierLoop = !group.isLeaf(at) && !group.isInvariant(at) && group.loopOf(at) < loop;
                        return earlierLoop ? "v[" + slot(operand) + " + i]" : text.get(operand);
                    }

                    @Override
                    public String wrapping(int operand) {
                        Integer at = positionOf.get(operand);
                        boolean sameLoop = extended.containsKey(operand) && group.loopOf(at) == loop;
                        return sameLoop ? extended.get(operand) : value(operand);
                    }
                };
                String expr = narrow(node, inLoop);
                if (p == group.root()) {
                    text.put(first, expr);
                } else {
                    if (signedExtension(first)) {
                        loops[loop].local("s" + p, fullSignExtension((Node.Extend) node, inLoop));
                        extended.put(first, "s" + p);
                        expr = NarrowExpressions.mask("s" + p, node.width());
                    }
                    loops[loop].local("e" + p, expr);
                    if (materialised[p]) {
                        loops[loop].store("v", slot(first), "e" + p);
                    }
                    text.put(first, "e" + p);
                }
            }
        }
        int target = slot(group.targets()[0]);
        loops[loops.length - 1].store("v", target, text.get(group.nodes()[group.root()][0]));
        StringBuilder code = new StringBuilder();
        for (LaneLoop loop : loops) {
            code.append(code.length() == 0 ? "" : "\n        ").append(loopText(loop));
        }
        boolean block = invariants.length() > 0 || loops.length > 1;
        String enabled = guard(group.enable(), block ? "{\n        " + invariants + code + "\n        }" : code.toString(), chunk);
        if (group.reset() == null) {
            return enabled;
        }
        return "if (rst) {\n            java.util.Arrays.fill(v, " + target + ", " + (target + lanes) + ", "
                + literal(group.reset().toLong()) + ");\n        } else " + (enabled.isEmpty() ? "{ }" : enabled);
    }

    /**
     * A block of lane fields: the windows of one run's places, then one loop over the places taking each run's
     * field from the window (one loop rather than one per run: loops of few iterations cost more than their body).
     */
    private void laneFieldLoops(StringBuilder out, LaneFields fields, Chunk chunk) {
        int bus = fields.bus();
        int busWidth = netlist.width(bus);
        int[] windowStart = fields.windowStart();
        LaneLoop loop = new LaneLoop(windowStart.length);
        if (wordWindows(busWidth, windowStart)) {
            // Each window is a word of the bus, one after the other: the loop reads the words themselves.
            String first = slot(bus) + (windowStart[0] >>> 6) + " + i";
            loop.local("window", "v[" + first + "]");
        } else {
            // Each block its own part of the windows array, as their windows may all be filled before the first loop.
            int offset = windowsLength;
            windowsLength += windowStart.length;
            boolean early = vectorLoops && netlist.node(bus).isLeaf();
            for (int t = 0; t < windowStart.length; t++) {
                int width = Math.min(64, busWidth - windowStart[t]);
                String window = busWidth > 64 ? NarrowExpressions.extract(slot(bus), busWidth, windowStart[t], width)
                        : NarrowExpressions.slice(operand(bus, chunk), busWidth, windowStart[t], width);
                String fill = WINDOWS + "[" + (offset + t) + "] = " + window + ";";
                if (early) {
                    earlyWindows.add(fill);
                } else {
                    out.append("        ").append(fill).append('\n');
                }
            }
            loop.local("window", WINDOWS + "[" + offset + " + i]");
        }
        for (int r = 0; r < fields.runShift().length; r++) {
            loop.store("v", slot(fields.runs()[r][0]), NarrowExpressions.slice("window", 64, fields.runShift()[r], fields.width()));
        }
        out.append("        ").append(loopText(loop)).append('\n');
    }

    private String loopText(LaneLoop loop) {
        String indent = "        ";
        Optional<String> vectors = vectorLoops ? loop.vectorText(indent) : Optional.empty();
        wroteVectors |= vectors.isPresent();
        return vectors.orElseGet(() -> loop.plainText(indent));
    }

    /** Whether the windows of a bus are consecutive words of its slots. */
    private static boolean wordWindows(int busWidth, int[] windowStart) {
        if (busWidth <= 64) {
            return false;
        }
        for (int t = 0; t < windowStart.length; t++) {
            if (windowStart[t] != windowStart[0] + 64 * t || (windowStart[t] & 63) != 0) {
                return false;
            }
        }
        return true;
    }

    /** A narrow value as read in {@code chunk}: a literal, a local of the chunk's method, or its slot. */
    private String operand(int node, Chunk chunk) {
        Node n = netlist.node(node);
        if (n instanceof Node.Constant c) {
            return literal(c.value().toLong());
        }
        int[] definedIn = chunk.phase.isEdge() ? edgeChunk : evaluationChunk;
        if (definedIn[node] == chunk.id) {
            return "t" + node;
        }
        return "v[" + slot(node) + "]";
    }

    private int slot(int node) {
        return layout.offset(node);
    }

    private static String literal(long value) {
        return NarrowExpressions.literal(value);
    }

    // ---- applying state updates ----

    private String apply(StateUpdate update, Chunk chunk) {
        if (update instanceof StateUpdate.RegisterLoad load) {
            return register(load.register(), chunk);
        }
        if (update instanceof StateUpdate.MemoryRead read) {
            FlatNetlist.ReadPort r = read.port();
            FlatNetlist.Memory m = netlist.memories().get(r.memory());
            String address = "(int) " + operand(r.address(), chunk);
            String array = "m" + r.memory();
            int d = slot(r.data());
            int words = WideOps.words(m.width());
            String statement = switch (MemoryStore.kindFor(m.width())) {
                case BYTE -> "v[" + d + "] = " + array + "[" + address + "] & 0xFFL;";
                case SHORT -> "v[" + d + "] = " + array + "[" + address + "] & 0xFFFFL;";
                case INT -> "v[" + d + "] = " + array + "[" + address + "] & 0xFFFFFFFFL;";
                case LONG -> "v[" + d + "] = " + array + "[" + address + "];";
                case WIDE -> "System.arraycopy(" + array + ", " + address + " * " + words + ", v, " + d + ", " + words + ");";
            };
            return guard(r.enable(), statement, chunk);
        }
        FlatNetlist.WritePort w = ((StateUpdate.MemoryWrite) update).port();
        FlatNetlist.Memory m = netlist.memories().get(w.memory());
        String address = "(int) " + operand(w.address(), chunk);
        String array = "m" + w.memory();
        int words = WideOps.words(m.width());
        String statement = switch (MemoryStore.kindFor(m.width())) {
            case BYTE -> array + "[" + address + "] = (byte) " + operand(w.data(), chunk) + ";";
            case SHORT -> array + "[" + address + "] = (short) " + operand(w.data(), chunk) + ";";
            case INT -> array + "[" + address + "] = (int) " + operand(w.data(), chunk) + ";";
            case LONG -> array + "[" + address + "] = " + operand(w.data(), chunk) + ";";
            case WIDE -> "System.arraycopy(v, " + slot(w.data()) + ", " + array + ", " + address + " * " + words + ", "
                    + words + ");";
        };
        return guard(w.enable(), statement, chunk);
    }

    private String register(FlatNetlist.Register r, Chunk chunk) {
        int w = netlist.width(r.state());
        int s = slot(r.state());
        String load = w > 64 ? "WideOps.copy(v, " + s + ", " + slot(r.next()) + ", " + w + ");"
                : "v[" + s + "] = " + operand(r.next(), chunk) + ";";
        String enabled = guard(r.enable(), load, chunk);
        if (r.resetValue() == null) {
            return enabled;
        }
        long[] words = new long[WideOps.words(w)];
        PackedBits.store(r.resetValue(), words, 0);
        StringBuilder reset = new StringBuilder("{ ");
        for (int i = 0; i < words.length; i++) {
            reset.append("v[").append(s + i).append("] = ").append(literal(words[i])).append("; ");
        }
        reset.append('}');
        return "if (rst) " + reset + " else { " + enabled + " }";
    }

    /** {@code action} under an enable: as is without one, nothing when the enable is the constant 0. */
    private String guard(int enable, String action, Chunk chunk) {
        if (enable == FlatNetlist.NONE) {
            return action;
        }
        if (netlist.node(enable) instanceof Node.Constant c) {
            return c.value().isTrue() ? action : "";
        }
        return "if (" + operand(enable, chunk) + " != 0L) " + action;
    }
}
