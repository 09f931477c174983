package dev.tern.sim.compiler;

import dev.tern.sim.engine.Engine;
import dev.tern.sim.engine.MemoryStore;
import dev.tern.sim.engine.SimState;
import dev.tern.sim.engine.SlotLayout;
import dev.tern.sim.netlist.FlatNetlist;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Map;

/**
 * The fast engine: the design as generated Java ({@link JavaCodeGenerator}), compiled in memory
 * ({@link JavaSourceCompiler}) and loaded as a hidden class, which the JVM unloads with the simulator.
 */
public final class CompiledEngine implements Engine {
    /** HotSpot leaves methods longer than this uncompiled ({@code -XX:-DontCompileHugeMethods} aside). */
    public static final int HUGE_METHOD_LIMIT = 8000;
    private static final int FIRST_BUDGET = 2500;
    private static final String CLASS_NAME = "GeneratedModel";

    private final SlotLayout layout;
    private final SimState state;
    private final CompiledModel model;

    private CompiledEngine(SlotLayout layout, SimState state, CompiledModel model) {
        this.layout = layout;
        this.state = state;
        this.model = model;
    }

    /** Lane loops with the Vector API where this JVM has it ({@link VectorLoops}), plain loops otherwise. */
    public static CompiledEngine create(FlatNetlist netlist) {
        return create(netlist, VectorLoops.available());
    }

    /**
     * @param vectorLoops whether to write lane loops with the Vector API; only where {@link VectorLoops#available}
     */
    public static CompiledEngine create(FlatNetlist netlist, boolean vectorLoops) {
        if (vectorLoops && !VectorLoops.available()) {
            throw new IllegalStateException("vector loops need the module " + VectorLoops.MODULE + " in this JVM");
        }
        int budget = FIRST_BUDGET;
        while (true) {
            JavaCodeGenerator.Generated generated = JavaCodeGenerator.generate(netlist, CLASS_NAME, budget, vectorLoops);
            Map<String, byte[]> classes = JavaSourceCompiler.compile(generated.binaryName(), generated.source(), generated.usesVectorApi());
            byte[] bytes = classes.get(generated.binaryName());
            int largest = ClassFileMethodSizes.of(bytes).values().stream().mapToInt(Integer::intValue).max().orElse(0);
            if (largest >= HUGE_METHOD_LIMIT && budget > 200) {
                budget /= 2;
                continue;
            }
            SimState state = SimState.allocate(netlist, generated.layout());
            return new CompiledEngine(generated.layout(), state, instantiate(bytes, state, generated.tables()));
        }
    }

    private static CompiledModel instantiate(byte[] classFile, SimState state, List<int[]> tables) {
        MemoryStore[] memories = state.memories();
        Object[] arrays = new Object[memories.length];
        for (int i = 0; i < arrays.length; i++) {
            arrays[i] = memories[i].array();
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(classFile, true);
            MethodHandle constructor = lookup.findConstructor(lookup.lookupClass(),
                    MethodType.methodType(void.class, long[].class, Object[].class, int[][].class));
            return (CompiledModel) constructor.invoke(state.values(), arrays, tables.toArray(int[][]::new));
        } catch (Throwable e) {
            throw new IllegalStateException("loading the generated simulator class failed", e);
        }
    }

    @Override
    public String name() {
        return "compiled";
    }

    @Override
    public SlotLayout layout() {
        return layout;
    }

    @Override
    public SimState state() {
        return state;
    }

    @Override
    public void evaluateOutputs() {
        model.evaluateOutputs();
    }

    @Override
    public void evaluate() {
        model.evaluate();
    }

    /** The generated edge computes what it reads itself, so whether the simulator evaluated does not matter. */
    @Override
    public void clockEdge(boolean evaluated) {
        model.clockEdge();
    }

    @Override
    public void runCycles(long[] inputs, int inputFrom, long[] outputs, int outputFrom, int cycles) {
        model.runCycles(inputs, inputFrom, outputs, outputFrom, cycles);
    }
}
