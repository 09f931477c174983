package dev.tern.hdl.catalog;

import dev.tern.hdl.Component;
import dev.tern.hdl.Mem;
import dev.tern.hdl.Output;
import dev.tern.hdl.Reg;
import dev.tern.hdl.Signal;
import dev.tern.hdl.Stream;
import dev.tern.hdl.ir.HwType;

/**
 * A synchronous first-in first-out queue of {@code depth} words, stored in a memory that synthesis
 * maps to block RAM.
 *
 * <p>The memory's read is synchronous, so the word at the head of the queue is fetched ahead of time
 * into the memory's read-data register, which drives {@code out_data} directly: {@code out_valid} is
 * high exactly when that register holds the head word. Whenever the register is empty or its word is
 * leaving, and the memory holds a word not yet fetched, the next word is read. A word pushed into an
 * empty queue therefore appears on the output two cycles later. A word is thus held for at least two
 * cycles, so a queue of depth 4 or more moves a word every cycle in both directions at once, while one
 * of depth 2 fills up and alternates.
 *
 * <p>{@code in_ready} is {@code !full} and depends on no input, so the queue also breaks the
 * combinational ready path between producer and consumer; a push offered while full waits, even in a
 * cycle that pops. {@code count} counts every word held, including the one on the output.
 */
public final class Fifo extends Component {
    public static final int MAX_DEPTH = 1 << 16;
    public static final int MAX_WIDTH = 1024;

    public final Stream.Sink in;
    public final Stream.Source out;
    public final Output full;
    public final Output empty;
    public final Output count;

    public Fifo(int depth, int width) {
        ParameterChecks.powerOfTwo(FifoGenerator.NAME, "depth", depth, 2, MAX_DEPTH);
        ParameterChecks.inRange(FifoGenerator.NAME, "width", width, 1, MAX_WIDTH);
        parameter("depth", depth);
        parameter("width", width);
        HwType word = uint(width);
        int addressWidth = Integer.numberOfTrailingZeros(depth);
        HwType countType = uint(addressWidth + 1);

        in = streamIn("in", word);
        out = streamOut("out", word);
        full = output("full", bool());
        empty = output("empty", bool());
        count = output("count", countType);

        Mem storage = memory("storage", depth, word);
        Reg writeAddress = reg("write_address", uint(addressWidth), 0);
        Reg readAddress = reg("read_address", uint(addressWidth), 0);
        Reg held = reg("held", countType, 0);
        Reg headValid = reg("head_valid", bool(), 0);

        Signal isFull = held.eq(depth);
        Signal push = in.valid().and(isFull.not()).named("push");
        Signal pop = headValid.and(out.ready()).named("pop");
        // Words in the memory that are not yet in the read-data register.
        Signal unfetched = held.ne(headValid.zext(addressWidth + 1));
        Signal fetch = unfetched.and(headValid.not().or(out.ready())).named("fetch");

        when(push, () -> {
            storage.write(writeAddress, in.data());
            writeAddress.set(writeAddress.add(1));
        });
        Signal head = storage.read("head", readAddress, fetch);
        when(fetch, () -> {
            readAddress.set(readAddress.add(1));
            headValid.set(1);
        }).elseWhen(pop, () -> headValid.set(0));
        held.set(held.add(push.zext(addressWidth + 1)).sub(pop.zext(addressWidth + 1)));

        in.ready().set(isFull.not());
        out.valid().set(headValid);
        out.data().set(head);
        full.set(isFull);
        empty.set(held.eq(0));
        count.set(held);
    }
}
