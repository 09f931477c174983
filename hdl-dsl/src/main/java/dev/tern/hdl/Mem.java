package dev.tern.hdl;

import dev.tern.hdl.ir.Bits;
import dev.tern.hdl.ir.Expr;
import dev.tern.hdl.ir.HwType;
import dev.tern.hdl.ir.Memory;
import dev.tern.hdl.ir.Net;
import dev.tern.hdl.ir.SourceLocation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A memory in a component: synchronous reads (the word appears one cycle after the address),
 * writes on the rising edge, read-first when a read and a write meet at one address. The emitted
 * Verilog follows the pattern Yosys maps to block RAM. Writes and reads inside a {@code when} block
 * happen only when its condition holds.
 */
public final class Mem {
    private final Component owner;
    private Memory memory;

    Mem(Component owner, Memory memory) {
        this.owner = owner;
        this.memory = memory;
    }

    public String name() {
        return memory.name();
    }

    public int depth() {
        return memory.depth();
    }

    public int addressWidth() {
        return memory.addressWidth();
    }

    public HwType dataType() {
        return memory.dataType();
    }

    /** Initial contents, one value per word (all {@link #depth()} of them); with no writes this is a ROM. */
    public Mem init(long... words) {
        List<BigInteger> values = new ArrayList<>();
        for (long w : words) {
            values.add(BigInteger.valueOf(w));
        }
        return init(values);
    }

    public Mem init(List<BigInteger> words) {
        SourceLocation at = SourceLocator.caller();
        if (words.size() != memory.depth()) {
            throw new HdlException(at, "memory " + name() + " has " + memory.depth() + " words, init gives " + words.size());
        }
        if (!memory.init().isEmpty()) {
            throw new HdlException(at, "memory " + name() + " is already initialised");
        }
        List<Bits> bits = new ArrayList<>();
        for (BigInteger w : words) {
            bits.add(Component.literalExpr(w, memory.dataType(), at).value());
        }
        Memory updated = new Memory(memory.name(), memory.dataType(), memory.depth(), bits, memory.location());
        owner.builder.replaceMemory(memory, updated);
        memory = updated;
        return this;
    }

    public void write(Signal address, Signal data) {
        write(address, data, null, SourceLocator.caller());
    }

    public void write(Signal address, Signal data, Signal enable) {
        write(address, data, enable, SourceLocator.caller());
    }

    /** The word at {@code address}, available one cycle later and held until the next read. */
    public Signal read(Signal address) {
        return read(owner.builder.freshName(name() + "_rdata"), address, null);
    }

    /** Like {@link #read(Signal)}, loading a new word only in cycles where {@code enable} is true. */
    public Signal read(Signal address, Signal enable) {
        return read(owner.builder.freshName(name() + "_rdata"), address, enable);
    }

    /** A read port whose data net has the given name. */
    public Signal read(String dataName, Signal address, Signal enable) {
        SourceLocation at = SourceLocator.caller();
        Component ctx = Elaboration.context(address);
        checkOwner(ctx, at);
        Expr addr = address(address, ctx, at);
        Expr en = enable == null ? null : ctx.builder.condition(enable, at);
        Net.MemReadData data = ctx.builder.memoryRead(memory, dataName, addr, en, at);
        return ctx.signal(new Expr.Ref(data));
    }

    private void write(Signal address, Signal data, Signal enable, SourceLocation at) {
        Component ctx = Elaboration.context(address);
        checkOwner(ctx, at);
        Expr addr = address(address, ctx, at);
        Expr value = data.exprIn(Elaboration.context(data));
        if (value.width() != memory.dataType().width() || value.type().signed() != memory.dataType().signed()) {
            throw new HdlException(at, "width mismatch: memory " + name() + " holds " + memory.dataType() + ", write data is " + value.type());
        }
        if (!value.type().equals(memory.dataType())) {
            value = new Expr.Reinterpret(value, memory.dataType());
        }
        Expr en = enable == null ? null : ctx.builder.condition(enable, at);
        ctx.builder.memoryWrite(memory, addr, value, en, at);
    }

    private void checkOwner(Component ctx, SourceLocation at) {
        if (ctx != owner) {
            throw new HdlException(at, "memory " + name() + " belongs to " + owner.describe() + "; use it only there");
        }
    }

    private Expr address(Signal address, Component ctx, SourceLocation at) {
        Expr addr = address.exprIn(ctx);
        if (addr.type().signed() || addr.width() != memory.addressWidth()) {
            throw new HdlException(at, "memory " + name() + " of depth " + memory.depth() + " needs a UInt("
                    + memory.addressWidth() + ") address, got " + addr.type());
        }
        return addr;
    }
}
