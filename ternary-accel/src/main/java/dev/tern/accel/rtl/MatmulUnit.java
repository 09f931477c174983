package dev.tern.accel.rtl;

import dev.tern.hdl.Component;
import dev.tern.hdl.Input;
import dev.tern.hdl.Mem;
import dev.tern.hdl.Output;
import dev.tern.hdl.Reg;
import dev.tern.hdl.Signal;
import dev.tern.hdl.Stream;
import dev.tern.hdl.Types;
import dev.tern.hdl.catalog.Fifo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The control every matmul unit shares, whatever its arithmetic: {@code y = W . x} with the weights and the
 * activations in on-chip SRAMs, fed one tile per edge to an arithmetic {@link Core} (the ternary
 * {@link TernaryMatVecCore}, or a MAC array), the results out through a FIFO. Subclasses choose the core and
 * the word widths; the ports, the protocol and the cycle formula below are the same for all.
 *
 * <h2>Use</h2>
 * <ol>
 *   <li>Stream the weight words into {@code weight_in}: for each row group {@code g} (rows {@code g*rows ..})
 *       and each tile {@code t} (columns {@code t*lanes ..}), in that order, one word of {@code rows x lanes}
 *       weights. They fill a weight bank from address 0.</li>
 *   <li>Stream the {@code tiles} activation words into {@code activation_in}, tile 0 first. They fill an
 *       activation bank from address 0.</li>
 *   <li>Put the tile count on {@code in_tiles} and the row-group count on {@code row_groups} (both at
 *       least 1) and raise {@code start} for a cycle while {@code busy} is low.</li>
 *   <li>{@code result_out} delivers one word per row group, row {@code r}'s result in its {@code r}-th
 *       field from the low end; {@code result_last} marks the job's last one. After the last one is accepted
 *       {@code busy} falls and {@code done} rises.</li>
 * </ol>
 *
 * <h2>Double buffering</h2>
 * Each SRAM has two banks ({@code weight-depth} and {@code activation-depth} words). A job reads the
 * banks filled before its start while both streams stay open to fill the other banks with the next job's
 * matrix and vector, so that loading overlaps computing. A start always swaps the activation banks; it
 * swaps the weight banks only when {@code weight_in} delivered words since the previous start, so a batch
 * of vectors reuses one matrix by streaming no weights between its jobs (the next matrix must then be
 * streamed whole before the start that should use it). Both write pointers return to address 0 at a start,
 * and neither stream accepts a word on the start's own edge. Each stream's {@code ready} is low while its
 * free bank is full, so extra words wait instead of overwriting. {@code cycles} counts the clock edges of
 * the current or last job.
 *
 * <h2>Cycle formula</h2>
 * With {@code result_out_ready} held high, a job takes exactly {@link #jobCycles} edges from the
 * one after {@code start} to the one that accepts the last result: one tile enters per edge, so
 * the {@code G*T} tiles take {@code G*T} edges; then the last tile's words come out of the SRAMs (1),
 * pass the core ({@link Core#latency}), enter the result FIFO (1) and reach its output register (1).
 * Results never stall the tiles: a group's last tile is issued only with a FIFO place reserved for its
 * result, and the FIFO is deep enough for every result in flight.
 */
public abstract class MatmulUnit extends Component {
    /**
     * The arithmetic a unit's control feeds: each edge with {@code inValid} takes one tile ({@code activations}
     * and {@code weights}, as the SRAM words hold them), {@code inFirst} (for a core that needs it) marking a row
     * group's first tile and {@code inLast} its last; {@code latency} edges after a last tile, {@code outValid} is
     * high for one cycle with each row's result on {@code results}, row 0 first. A core without {@code inFirst}
     * starts each group's sums afresh after the last tile of the one before.
     */
    public record Core(Component component, Input inValid, Optional<Input> inFirst, Input inLast, Input activations,
                       Input weights, Output outValid, List<Output> results, int latency) {
        public Core {
            results = List.copyOf(results);
        }
    }

    /**
     * The sizes the control is built for.
     *
     * @param weightDepth     words of each weight bank, a power of two
     * @param activationDepth words of each activation bank, a power of two
     */
    public record Shape(int weightWordBits, int activationWordBits, int resultWordBits, int weightDepth, int activationDepth) {
    }

    public final Input start = input("start", bool());
    public final Output busy = output("busy", bool());
    public final Output done = output("done", bool());
    public final Output cycles = output("cycles", uint(32));
    /** High with the job's last result word on {@code result_out}. */
    public final Output resultLast = output("result_last", bool());
    public final Stream.Sink weightIn;
    public final Stream.Sink activationIn;
    public final Stream.Source resultOut;
    public final Input inTiles;
    public final Input rowGroups;

    /**
     * @param parameters the generator parameters that name the module
     * @param newCore    builds the core (called once, while this unit is being built); it becomes instance {@code core}
     */
    protected MatmulUnit(Map<String, Object> parameters, Shape shape, Supplier<Core> newCore) {
        parameters.forEach(this::parameter);
        weightIn = streamIn("weight_in", uint(shape.weightWordBits()));
        activationIn = streamIn("activation_in", uint(shape.activationWordBits()));
        resultOut = streamOut("result_out", uint(shape.resultWordBits()));
        int weightAddressBits = Integer.numberOfTrailingZeros(shape.weightDepth());
        int activationAddressBits = Integer.numberOfTrailingZeros(shape.activationDepth());
        inTiles = input("in_tiles", uint(activationAddressBits + 1));
        rowGroups = input("row_groups", uint(weightAddressBits + 1));

        Reg running = reg("running", bool(), 0);
        Reg finished = reg("finished", bool(), 0);
        Signal accepted = start.and(running.not());

        Mem weightSram = memory("weight_sram", 2 * shape.weightDepth(), uint(shape.weightWordBits()));
        Mem activationSram = memory("activation_sram", 2 * shape.activationDepth(), uint(shape.activationWordBits()));
        Reg weightFillBank = reg("weight_fill_bank", bool(), 0);
        Reg weightComputeBank = reg("weight_compute_bank", bool(), 0);
        Reg fillBank = reg("fill_bank", bool(), 0);
        Reg computeBank = reg("compute_bank", bool(), 0);
        Reg weightFill = fill(weightSram, weightIn, weightFillBank, weightAddressBits, accepted);
        fill(activationSram, activationIn, fillBank, activationAddressBits, accepted);
        when(accepted, () -> {
            computeBank.set(fillBank);
            fillBank.set(fillBank.not());
        });
        // Without new weights the job reuses the current matrix: that is how a batch of vectors shares one.
        when(accepted.and(weightFill.ne(0)), () -> {
            weightComputeBank.set(weightFillBank);
            weightFillBank.set(weightFillBank.not());
        });

        // The job's dimensions, held for the whole job.
        Reg tiles = reg("tiles", inTiles.type(), 0);
        Reg groups = reg("groups", rowGroups.type(), 0);
        Reg issuing = reg("issuing", bool(), 0);
        Reg tile = reg("tile", uint(activationAddressBits + 1), 0);
        Reg group = reg("group", uint(weightAddressBits + 1), 0);
        Reg weightAddress = reg("weight_address", uint(weightAddressBits + 1), 0);
        Reg resultsLeft = reg("results_left", uint(weightAddressBits + 1), 0);

        Core core = newCore.get();
        instance("core", core.component());
        int fifoDepth = resultFifoDepth(core.latency());
        Fifo results = instance("results", new Fifo(fifoDepth, shape.resultWordBits()));
        int countBits = Types.bitsFor(fifoDepth);
        Reg inFlight = reg("in_flight", uint(countBits), 0);

        Signal lastTile = tile.eq(tiles.sub(1));
        Signal lastGroup = group.eq(groups.sub(1));
        Signal reserved = inFlight.zext(countBits + 1).add(results.count.zext(countBits + 1));
        Signal issue = issuing.and(lastTile.not().or(reserved.lt(fifoDepth)));
        Signal issueLast = issue.and(lastTile);

        Signal weightWord = weightSram.read("weight_word",
                cat(weightComputeBank, weightAddress.trunc(weightAddressBits)), issue);
        Signal activationWord = activationSram.read("activation_word",
                cat(computeBank, tile.trunc(activationAddressBits)), issue);
        Reg tileValid = reg("tile_valid", bool(), 0);
        Reg tileLast = reg("tile_last", bool(), 0);
        tileValid.set(issue);
        tileLast.set(lastTile);
        core.inValid().set(tileValid);
        core.inFirst().ifPresent(inFirst -> {
            Reg tileFirst = reg("tile_first", bool(), 0);
            tileFirst.set(tile.eq(0));
            inFirst.set(tileFirst);
        });
        core.inLast().set(tileLast);
        core.activations().set(activationWord);
        core.weights().set(weightWord);

        when(accepted, () -> {
            tiles.set(inTiles);
            groups.set(rowGroups);
            tile.set(0);
            group.set(0);
            weightAddress.set(0);
            resultsLeft.set(rowGroups);
            issuing.set(inTiles.ne(0).and(rowGroups.ne(0)));
        }).elseWhen(issue, () -> {
            weightAddress.set(weightAddress.add(1));
            when(lastTile, () -> {
                tile.set(0);
                group.set(group.add(1));
                when(lastGroup, () -> issuing.set(0));
            }).otherwise(() -> tile.set(tile.add(1)));
        });
        inFlight.set(inFlight.add(issueLast.zext(countBits)).sub(core.outValid().zext(countBits)));

        List<Signal> rowResults = new ArrayList<>(core.results());
        Collections.reverse(rowResults);
        results.in.valid().set(core.outValid());
        results.in.data().set(cat(rowResults.toArray(new Signal[0])).asUInt());
        connect(results.out, resultOut);

        Signal lastResult = resultOut.fire().and(resultsLeft.eq(1));
        when(accepted, () -> {
            running.set(inTiles.ne(0).and(rowGroups.ne(0)));
            finished.set(inTiles.eq(0).or(rowGroups.eq(0)));
        }).elseWhen(lastResult, () -> {
            running.set(0);
            finished.set(1);
        });
        when(resultOut.fire(), () -> resultsLeft.set(resultsLeft.sub(1)));
        resultLast.set(resultsLeft.eq(1));

        Reg cycleCount = reg("cycle_count", uint(32), 0);
        when(accepted, () -> cycleCount.set(0)).elseWhen(running, () -> cycleCount.set(cycleCount.add(1)));
        busy.set(running);
        done.set(finished);
        cycles.set(cycleCount);
    }

    /**
     * Edges of a job of {@code rowGroups x tiles} tiles on a core of {@code coreLatency} with the result stream
     * always ready (see the class comment).
     */
    public static long jobCycles(int coreLatency, long rowGroups, long tiles) {
        return rowGroups * tiles + coreLatency + 3;
    }

    /**
     * Edges that loading the next job adds between two jobs when its {@code weightWords} and
     * {@code activationWords} stream in parallel, one word per edge each, from the edge after the current
     * job's start: the part of the load that the current job's {@code currentJobCycles} do not hide.
     */
    public static long exposedLoadCycles(long currentJobCycles, long weightWords, long activationWords) {
        return Math.max(0, Math.max(weightWords, activationWords) - currentJobCycles);
    }

    /** Room for every result that can be in flight from the SRAMs to the FIFO, plus the FIFO's own two words. */
    static int resultFifoDepth(int coreLatency) {
        int needed = coreLatency + 2 + 4;
        return Integer.highestOneBit(needed - 1) << 1;
    }

    /**
     * Writes each accepted word of {@code in} at the next address of the SRAM's bank {@code bank} (the
     * address's top bit); the pointer returns to 0 when a job starts, and that edge accepts no word because
     * the banks swap under it.
     */
    private Reg fill(Mem sram, Stream.Sink in, Signal bank, int addressBits, Signal jobStarts) {
        Reg pointer = reg(sram.name() + "_fill", uint(addressBits + 1), 0);
        Signal full = pointer.bit(addressBits);
        in.ready().set(full.not().and(jobStarts.not()));
        when(in.fire(), () -> {
            sram.write(cat(bank, pointer.trunc(addressBits)), in.data());
            pointer.set(pointer.add(1));
        });
        when(jobStarts, () -> pointer.set(0));
        return pointer;
    }
}
