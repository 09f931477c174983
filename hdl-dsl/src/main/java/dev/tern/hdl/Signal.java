package dev.tern.hdl;

import dev.tern.hdl.ir.BinaryOp;
import dev.tern.hdl.ir.Bits;
import dev.tern.hdl.ir.Expr;
import dev.tern.hdl.ir.HwType;
import dev.tern.hdl.ir.UnaryOp;

import java.math.BigInteger;

/**
 * A hardware value inside one component: a port, wire or register, or an expression over them.
 * Operators build new signals; none changes this one.
 *
 * <p>Width rules (each defined once, here and in {@link BinaryOp}/{@link UnaryOp}):
 * <ul>
 *   <li>{@code add, sub}: {@code max(wa, wb)} bits, wrapping; {@code addWide, subWide}: {@code max(wa, wb) + 1},
 *       never overflowing; {@code mul}: {@code wa + wb}, the full product.</li>
 *   <li>{@code and, or, xor}: {@code max(wa, wb)}; {@code not, neg}: the operand's width.</li>
 *   <li>Comparisons: {@code Bool}; signed when both operands are {@code SInt}.</li>
 *   <li>Shifts ({@code shl, shr, sra}) by a constant or a signal: the shifted value's width.</li>
 *   <li>{@code bits(hi, lo)}: {@code hi - lo + 1} unsigned bits; {@code cat}: the sum of the widths.</li>
 *   <li>{@code zext, sext, resize(w)} widen to {@code w}; {@code trunc(w)} keeps the low {@code w} bits.</li>
 * </ul>
 * Binary operators extend the narrower operand first (sign-extending an {@code SInt}); mixing {@code SInt}
 * with {@code UInt} is an error: convert explicitly with {@link #asSInt()} or {@link #asUInt()}.
 * Integer arguments become literals of the other operand's type and must fit it.
 */
public class Signal {
    final Component owner;
    final Expr expr;

    Signal(Component owner, Expr expr) {
        this.owner = owner;
        this.expr = expr;
    }

    public HwType type() {
        return expr.type();
    }

    public int width() {
        return expr.width();
    }

    /** The component this signal belongs to. */
    public Component component() {
        return owner;
    }

    // ---- arithmetic ----

    public Signal add(Signal other) {
        return arithmetic(BinaryOp.ADD, other, false);
    }

    public Signal add(long value) {
        return add(literalLike(value));
    }

    public Signal addWide(Signal other) {
        return arithmetic(BinaryOp.ADD, other, true);
    }

    public Signal addWide(long value) {
        return addWide(literalLike(value));
    }

    public Signal sub(Signal other) {
        return arithmetic(BinaryOp.SUB, other, false);
    }

    public Signal sub(long value) {
        return sub(literalLike(value));
    }

    public Signal subWide(Signal other) {
        return arithmetic(BinaryOp.SUB, other, true);
    }

    public Signal subWide(long value) {
        return subWide(literalLike(value));
    }

    /** The full product. Nothing in a ternary datapath needs it; it exists for the MAC baselines. */
    public Signal mul(Signal other) {
        Component ctx = Elaboration.context(this);
        Expr a = exprIn(ctx);
        Expr b = other.exprIn(ctx);
        checkResultWidth("the product", a.width() + b.width());
        return ctx.signal(binary(BinaryOp.MUL, a, b));
    }

    public Signal neg() {
        Component ctx = Elaboration.context(this);
        return ctx.signal(new Expr.Unary(UnaryOp.NEG, arithmeticView(exprIn(ctx))));
    }

    // ---- bitwise ----

    public Signal and(Signal other) {
        return bitwise(BinaryOp.AND, other);
    }

    public Signal and(long value) {
        return and(literalLike(value));
    }

    public Signal or(Signal other) {
        return bitwise(BinaryOp.OR, other);
    }

    public Signal or(long value) {
        return or(literalLike(value));
    }

    public Signal xor(Signal other) {
        return bitwise(BinaryOp.XOR, other);
    }

    public Signal xor(long value) {
        return xor(literalLike(value));
    }

    public Signal not() {
        Component ctx = Elaboration.context(this);
        return ctx.signal(new Expr.Unary(UnaryOp.NOT, exprIn(ctx)));
    }

    public Signal andR() {
        return reduce(UnaryOp.AND_REDUCE);
    }

    public Signal orR() {
        return reduce(UnaryOp.OR_REDUCE);
    }

    public Signal xorR() {
        return reduce(UnaryOp.XOR_REDUCE);
    }

    // ---- comparisons ----

    public Signal eq(Signal other) {
        return compare(BinaryOp.EQ, other);
    }

    public Signal eq(long value) {
        return eq(literalLike(value));
    }

    public Signal ne(Signal other) {
        return compare(BinaryOp.NE, other);
    }

    public Signal ne(long value) {
        return ne(literalLike(value));
    }

    public Signal lt(Signal other) {
        return compare(BinaryOp.LT, other);
    }

    public Signal lt(long value) {
        return lt(literalLike(value));
    }

    public Signal le(Signal other) {
        return compare(BinaryOp.LE, other);
    }

    public Signal le(long value) {
        return le(literalLike(value));
    }

    public Signal gt(Signal other) {
        return compare(BinaryOp.GT, other);
    }

    public Signal gt(long value) {
        return gt(literalLike(value));
    }

    public Signal ge(Signal other) {
        return compare(BinaryOp.GE, other);
    }

    public Signal ge(long value) {
        return ge(literalLike(value));
    }

    // ---- shifts ----

    public Signal shl(int amount) {
        return shift(BinaryOp.SHL, amount);
    }

    public Signal shl(Signal amount) {
        return shift(BinaryOp.SHL, amount);
    }

    public Signal shr(int amount) {
        return shift(BinaryOp.SHR, amount);
    }

    public Signal shr(Signal amount) {
        return shift(BinaryOp.SHR, amount);
    }

    /** Arithmetic shift right: copies of the most significant bit come in. */
    public Signal sra(int amount) {
        return shift(BinaryOp.SRA, amount);
    }

    public Signal sra(Signal amount) {
        return shift(BinaryOp.SRA, amount);
    }

    // ---- bits and widths ----

    /** Bits {@code high} down to {@code low}, unsigned. */
    public Signal bits(int high, int low) {
        Component ctx = Elaboration.context(this);
        if (low < 0 || high < low || high >= width()) {
            throw new HdlException(SourceLocator.caller(), "bits(" + high + ", " + low + ") outside " + describe());
        }
        return ctx.signal(new Expr.Slice(exprIn(ctx), high, low));
    }

    /** One bit, as a Bool. */
    public Signal bit(int index) {
        Component ctx = Elaboration.context(this);
        if (index < 0 || index >= width()) {
            throw new HdlException(SourceLocator.caller(), "bit(" + index + ") outside " + describe());
        }
        return ctx.signal(new Expr.Reinterpret(new Expr.Slice(exprIn(ctx), index, index), HwType.bool()));
    }

    /** The most significant bit, as a Bool. */
    public Signal msb() {
        return bit(width() - 1);
    }

    public Signal zext(int newWidth) {
        return extend(newWidth, false);
    }

    public Signal sext(int newWidth) {
        return extend(newWidth, true);
    }

    /** Extends by the signal's own type (sign for SInt, zero otherwise) or truncates, to {@code newWidth}. */
    public Signal resize(int newWidth) {
        return newWidth >= width() ? extend(newWidth, type().signed()) : trunc(newWidth);
    }

    /** The low {@code newWidth} bits, keeping the signal's signedness. */
    public Signal trunc(int newWidth) {
        Component ctx = Elaboration.context(this);
        if (newWidth < 1 || newWidth > width()) {
            throw new HdlException(SourceLocator.caller(), "cannot truncate " + describe() + " to " + newWidth + " bits");
        }
        Expr e = exprIn(ctx);
        if (newWidth == width()) {
            return ctx.signal(e);
        }
        return ctx.signal(new Expr.Reinterpret(new Expr.Slice(e, newWidth - 1, 0), type().withWidth(newWidth)));
    }

    public Signal asUInt() {
        return reinterpret(HwType.uint(width()));
    }

    public Signal asSInt() {
        return reinterpret(HwType.sint(width()));
    }

    /** A 1-bit signal seen as a Bool. */
    public Signal asBool() {
        if (width() != 1) {
            throw new HdlException(SourceLocator.caller(), "asBool needs a 1-bit signal, got " + describe());
        }
        return reinterpret(HwType.bool());
    }

    /** A wire with this name driven by this signal, so that the name appears in the Verilog and waveforms. */
    public Wire named(String name) {
        Component ctx = Elaboration.context(this);
        Wire wire = ctx.wire(name, type());
        wire.set(this);
        return wire;
    }

    @Override
    public String toString() {
        return describe();
    }

    String describe() {
        return type().toString();
    }

    // ---- internals ----

    /** This signal's expression as seen from {@code ctx}: its own, or an instance output of a child. */
    Expr exprIn(Component ctx) {
        return Elaboration.exprIn(this, ctx);
    }

    Signal literalLike(long value) {
        return Elaboration.context(this).literal(BigInteger.valueOf(value), type().kind() == HwType.Kind.BOOL ? HwType.uint(1) : type());
    }

    private Signal arithmetic(BinaryOp op, Signal other, boolean grow) {
        Component ctx = Elaboration.context(this);
        Expr a = arithmeticView(exprIn(ctx));
        Expr b = arithmeticView(other.exprIn(ctx));
        checkSameSignedness(op, a, b);
        int width = Math.max(a.width(), b.width()) + (grow ? 1 : 0);
        checkResultWidth("the result of " + op.symbol(), width);
        return ctx.signal(new Expr.Binary(op, extendTo(a, width), extendTo(b, width)));
    }

    private Signal bitwise(BinaryOp op, Signal other) {
        Component ctx = Elaboration.context(this);
        Expr a = exprIn(ctx);
        Expr b = other.exprIn(ctx);
        checkSameSignedness(op, a, b);
        if (a.type().kind() != b.type().kind() || a.width() != b.width()) {
            a = arithmeticView(a);
            b = arithmeticView(b);
        }
        int width = Math.max(a.width(), b.width());
        return ctx.signal(new Expr.Binary(op, extendTo(a, width), extendTo(b, width)));
    }

    private Signal compare(BinaryOp op, Signal other) {
        Component ctx = Elaboration.context(this);
        Expr a = arithmeticView(exprIn(ctx));
        Expr b = arithmeticView(other.exprIn(ctx));
        checkSameSignedness(op, a, b);
        int width = Math.max(a.width(), b.width());
        return ctx.signal(new Expr.Binary(op, extendTo(a, width), extendTo(b, width)));
    }

    private Signal reduce(UnaryOp op) {
        Component ctx = Elaboration.context(this);
        return ctx.signal(new Expr.Unary(op, exprIn(ctx)));
    }

    private Signal shift(BinaryOp op, int amount) {
        Component ctx = Elaboration.context(this);
        if (amount < 0) {
            throw new HdlException(SourceLocator.caller(), "shift amount must not be negative, got " + amount);
        }
        int amountWidth = Math.max(1, 32 - Integer.numberOfLeadingZeros(amount));
        Expr literal = new Expr.Literal(HwType.uint(amountWidth), Bits.of(amountWidth, amount));
        return ctx.signal(new Expr.Binary(op, exprIn(ctx), literal));
    }

    private Signal shift(BinaryOp op, Signal amount) {
        Component ctx = Elaboration.context(this);
        Expr by = amount.exprIn(ctx);
        if (by.type().signed()) {
            throw new HdlException(SourceLocator.caller(), "shift amount must be unsigned, got " + amount.describe());
        }
        return ctx.signal(new Expr.Binary(op, exprIn(ctx), by));
    }

    private Signal extend(int newWidth, boolean signExtend) {
        Component ctx = Elaboration.context(this);
        if (newWidth < width()) {
            throw new HdlException(SourceLocator.caller(), "cannot extend " + describe() + " to fewer bits (" + newWidth + ")");
        }
        checkResultWidth("the extension", newWidth);
        Expr e = arithmeticView(exprIn(ctx));
        return ctx.signal(newWidth == width() ? e : new Expr.Extend(e, newWidth, signExtend));
    }

    private Signal reinterpret(HwType target) {
        Component ctx = Elaboration.context(this);
        Expr e = exprIn(ctx);
        return ctx.signal(e.type().equals(target) ? e : new Expr.Reinterpret(e, target));
    }

    private Expr binary(BinaryOp op, Expr a, Expr b) {
        a = arithmeticView(a);
        b = arithmeticView(b);
        checkSameSignedness(op, a, b);
        return new Expr.Binary(op, a, b);
    }

    private static void checkResultWidth(String what, long width) {
        if (width > HwType.MAX_WIDTH) {
            throw new HdlException(SourceLocator.caller(), what + " would be " + width + " bits wide, more than the "
                    + HwType.MAX_WIDTH + " a signal can have");
        }
    }

    private static void checkSameSignedness(BinaryOp op, Expr a, Expr b) {
        if (a.type().signed() != b.type().signed()) {
            throw new HdlException(SourceLocator.caller(), "operands of " + op.symbol() + " mix signed and unsigned: "
                    + a.type() + " and " + b.type() + "; convert one with asSInt() or asUInt()");
        }
    }

    /** Bools take part in arithmetic as UInt(1). */
    static Expr arithmeticView(Expr e) {
        return e.type().kind() == HwType.Kind.BOOL ? new Expr.Reinterpret(e, HwType.uint(1)) : e;
    }

    static Expr extendTo(Expr e, int width) {
        return e.width() == width ? e : new Expr.Extend(e, width, e.type().signed());
    }
}
