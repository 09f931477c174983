package dev.tern.accel.baseline;

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

/**
 * A MAC baseline matmul unit, {@code y = W . x} with INT8 or FP16 weights and activations, built around an
 * {@link Int8MacArray} or {@link Fp16MacArray} with the ports and control of the ternary
 * {@link dev.tern.accel.rtl.TernaryMatmulUnit}: streams {@code weight_in} and {@code activation_in} into
 * SRAMs and {@code result_out} one word per row group; {@code start}, {@code in_tiles}, {@code row_groups},
 * {@code busy}, {@code done}, {@code cycles}, and {@code result_last} high with the job's last result word.
 * The throughput is the ternary unit's: one tile of {@code lanes} activations against {@code rows x lanes}
 * weights per edge.
 *
 * <p>The activation SRAM has two banks: a job reads the one filled before its start while
 * {@code activation_in} fills the other. The weight SRAM has one bank, and {@code weight_in} is closed while
 * the unit is busy. Words are laid out as {@link MacWords} describes; results are INT32 (INT8) or FP16 bit
 * patterns, row {@code r} in bits {@code b*r+b-1..b*r}. With {@code result_out_ready} held high a job takes
 * exactly {@link #jobCycles} edges: {@code G*T} to issue the tiles, then the SRAM read (1), the array's
 * {@link MacArray#latency}, the result FIFO (1) and its output register (1).
 */
public final class MacArrayUnit extends Component {
    public final Stream.Sink weightIn;
    public final Stream.Sink activationIn;
    public final Stream.Source resultOut;
    public final Input start = input("start", bool());
    public final Input inTiles;
    public final Input rowGroups;
    public final Output busy = output("busy", bool());
    public final Output done = output("done", bool());
    public final Output cycles = output("cycles", uint(32));
    /** High with the job's last result word on {@code result_out}. */
    public final Output resultLast = output("result_last", bool());

    public MacArrayUnit(MacArrayConfig config) {
        parameter("precision", config.precision().name().toLowerCase());
        parameter("lanes", config.lanes());
        parameter("rows", config.rows());
        parameter("wdepth", config.weightDepth());
        parameter("adepth", config.activationDepth());
        weightIn = streamIn("weight_in", uint(config.weightWordBits()));
        activationIn = streamIn("activation_in", uint(config.activationWordBits()));
        resultOut = streamOut("result_out", uint(config.resultWordBits()));
        int weightAddressBits = Integer.numberOfTrailingZeros(config.weightDepth());
        int activationAddressBits = Integer.numberOfTrailingZeros(config.activationDepth());
        inTiles = input("in_tiles", uint(activationAddressBits + 1));
        rowGroups = input("row_groups", uint(weightAddressBits + 1));

        Reg running = reg("running", bool(), 0);
        Reg finished = reg("finished", bool(), 0);
        Signal accepted = start.and(running.not());

        Mem weightSram = memory("weight_sram", config.weightDepth(), uint(config.weightWordBits()));
        Mem activationSram = memory("activation_sram", 2 * config.activationDepth(), uint(config.activationWordBits()));
        // Two activation banks: a job reads the one filled before its start while the next vector fills the other.
        Reg fillBank = reg("fill_bank", bool(), 0);
        Reg computeBank = reg("compute_bank", bool(), 0);
        when(accepted, () -> {
            computeBank.set(fillBank);
            fillBank.set(fillBank.not());
        });
        fill(weightSram, weightIn, null, weightAddressBits, running.not(), accepted);
        fill(activationSram, activationIn, fillBank, activationAddressBits, lit(1, bool()), accepted);

        Reg tiles = reg("tiles", inTiles.type(), 0);
        Reg groups = reg("groups", rowGroups.type(), 0);
        Reg issuing = reg("issuing", bool(), 0);
        Reg tile = reg("tile", uint(activationAddressBits + 1), 0);
        Reg group = reg("group", uint(weightAddressBits + 1), 0);
        Reg weightAddress = reg("weight_address", uint(weightAddressBits + 1), 0);
        Reg resultsLeft = reg("results_left", uint(weightAddressBits + 1), 0);

        MacArray array = instance("array", config.precision() == MacPrecision.INT8
                ? new Int8MacArray(config) : new Fp16MacArray(config));
        int fifoDepth = resultFifoDepth(MacArray.latency(config));
        Fifo results = instance("results", new Fifo(fifoDepth, config.resultWordBits()));
        int countBits = Types.bitsFor(fifoDepth);
        Reg inFlight = reg("in_flight", uint(countBits), 0);

        Signal lastTile = tile.eq(tiles.sub(1));
        Signal lastGroup = group.eq(groups.sub(1));
        Signal reserved = inFlight.zext(countBits + 1).add(results.count.zext(countBits + 1));
        Signal issue = issuing.and(lastTile.not().or(reserved.lt(fifoDepth)));
        Signal issueLast = issue.and(lastTile);

        Signal weightWord = weightSram.read("weight_word", weightAddress.trunc(weightAddressBits), issue);
        Signal activationWord = activationSram.read("activation_word", cat(computeBank, tile.trunc(activationAddressBits)), issue);
        Reg tileValid = reg("tile_valid", bool(), 0);
        Reg tileFirst = reg("tile_first", bool(), 0);
        Reg tileLast = reg("tile_last", bool(), 0);
        tileValid.set(issue);
        tileFirst.set(tile.eq(0));
        tileLast.set(lastTile);
        array.inValid.set(tileValid);
        array.inFirst.set(tileFirst);
        array.inLast.set(tileLast);
        array.activations.set(activationWord);
        array.weights.set(weightWord);

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
        inFlight.set(inFlight.add(issueLast.zext(countBits)).sub(array.outValid.zext(countBits)));

        List<Signal> rowResults = new ArrayList<>();
        for (Output result : array.results) {
            rowResults.add(result.asUInt());
        }
        Collections.reverse(rowResults);
        results.in.valid().set(array.outValid);
        results.in.data().set(cat(rowResults.toArray(new Signal[0])));
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

    /** Edges of a job of {@code rowGroups x tiles} tiles with the result stream always ready (see the class comment). */
    public static long jobCycles(MacArrayConfig config, long rowGroups, long tiles) {
        return rowGroups * tiles + MacArray.latency(config) + 3;
    }

    /** Room for every result that can be in flight from the SRAMs to the FIFO, plus the FIFO's own two words. */
    private static int resultFifoDepth(int arrayLatency) {
        int needed = arrayLatency + 2 + 4;
        return Integer.highestOneBit(needed - 1) << 1;
    }

    /**
     * Writes each accepted word of {@code in} at the next address of the SRAM, or of its bank {@code bank}
     * (the address's top bit) when banked; the pointer returns to 0 when a job starts.
     */
    private void fill(Mem sram, Stream.Sink in, Signal bank, int addressBits, Signal open, Signal jobStarts) {
        Reg pointer = reg(sram.name() + "_fill", uint(addressBits + 1), 0);
        Signal full = pointer.bit(addressBits);
        in.ready().set(open.and(full.not()));
        Signal offset = pointer.trunc(addressBits);
        Signal address = bank == null ? offset : cat(bank, offset);
        when(in.fire(), () -> {
            sram.write(address, in.data());
            pointer.set(pointer.add(1));
        });
        when(jobStarts, () -> pointer.set(0));
    }
}
