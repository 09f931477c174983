package dev.tern.verilog;

import dev.tern.hdl.Component;
import dev.tern.hdl.Input;
import dev.tern.hdl.Mem;
import dev.tern.hdl.Output;
import dev.tern.hdl.Reg;
import dev.tern.hdl.Signal;
import dev.tern.hdl.Wire;

/** A design that uses every operator at a given width, signed and unsigned, with a memory and a register. */
final class OperatorZoo extends Component {
    /** @param multipliers whether to include the (slow to synthesise when wide) products */
    OperatorZoo(int width, boolean multipliers) {
        parameter("width", width);
        Input a = input("a", uint(width));
        Input b = input("b", uint(width));
        Input sa = input("sa", sint(width));
        Input sb = input("sb", sint(width));
        Input amount = input("amount", uint(8));
        Input sel = input("sel", bool());

        output("sum", uint(width)).set(a.add(b));
        output("sum_wide", uint(width + 1)).set(a.addWide(b));
        output("diff", sint(width + 1)).set(sa.subWide(sb));
        if (multipliers) {
            output("product", uint(2 * width)).set(a.mul(b));
            output("sproduct", sint(2 * width)).set(sa.mul(sb));
        }
        output("bitwise", uint(width)).set(a.and(b).or(a.xor(b).not()));
        output("negated", sint(width)).set(sa.neg());
        output("shifts", uint(width)).set(a.shl(3).xor(a.shr(amount)).xor(a.shl(amount)));
        output("arith", sint(width)).set(sa.sra(amount).add(sa.sra(1)));
        output("nested_arith", sint(width)).set(sa.add(sa.sra(amount)));
        output("compares", uint(6)).set(cat(a.lt(b), a.ge(b), sa.lt(sb), sa.ge(sb), a.eq(b), sa.ne(sb)));
        output("reductions", uint(3)).set(cat(a.andR(), a.orR(), a.xorR()));
        output("chosen", uint(width)).set(mux(sel, a, b));
        Signal extended = sa.add(sb).sext(width + 4);
        output("extended", sint(width + 4)).set(extended);
        output("sliced", uint(width > 2 ? 2 : 1)).set(a.add(b).bits(width > 2 ? 2 : 0, width > 2 ? 1 : 0));
        output("top_bit", bool()).set(a.add(b).msb());
        Wire w = wire("w", uint(width), 0);
        when(sel, () -> w.set(a)).elseWhen(a.gt(b), () -> w.set(b));
        Reg acc = reg("acc", uint(width), 1);
        acc.set(acc.add(w));
        Reg plain = reg("plain", uint(width));
        when(sel, () -> plain.set(a));
        output("acc_out", uint(width)).set(acc.xor(plain));
        Mem ram = memory("ram", 8, uint(width));
        ram.write(a.resize(3), b, sel);
        output("ram_out", uint(width)).set(ram.read(b.resize(3)));
    }
}
