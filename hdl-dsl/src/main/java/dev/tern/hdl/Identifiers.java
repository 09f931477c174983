package dev.tern.hdl;

import dev.tern.hdl.ir.Clocking;

import java.util.Set;
import java.util.regex.Pattern;

/** Which names a user may give ports, wires, registers, memories and instances. */
final class Identifiers {
    private static final Pattern LEGAL = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    /** Verilog-2005 and SystemVerilog keywords (Verilator reads Verilog with SystemVerilog keywords), plus our implicit ports. */
    private static final Set<String> RESERVED = Set.of(
            Clocking.STANDARD.clock(), Clocking.STANDARD.reset(),
            "always", "and", "assign", "automatic", "begin", "buf", "bufif0", "bufif1", "case", "casex", "casez",
            "cell", "cmos", "config", "deassign", "default", "defparam", "design", "disable", "edge", "else", "end",
            "endcase", "endconfig", "endfunction", "endgenerate", "endmodule", "endprimitive", "endspecify",
            "endtable", "endtask", "event", "for", "force", "forever", "fork", "function", "generate", "genvar",
            "highz0", "highz1", "if", "ifnone", "incdir", "include", "initial", "inout", "input", "instance",
            "integer", "join", "large", "liblist", "library", "localparam", "macromodule", "medium", "module", "nand",
            "negedge", "nmos", "nor", "noshowcancelled", "not", "notif0", "notif1", "or", "output", "parameter",
            "pmos", "posedge", "primitive", "pull0", "pull1", "pulldown", "pullup", "pulsestyle_onevent",
            "pulsestyle_ondetect", "rcmos", "real", "realtime", "reg", "release", "repeat", "rnmos", "rpmos",
            "rtran", "rtranif0", "rtranif1", "scalared", "showcancelled", "signed", "small", "specify", "specparam",
            "strong0", "strong1", "supply0", "supply1", "table", "task", "time", "tran", "tranif0", "tranif1", "tri",
            "tri0", "tri1", "triand", "trior", "trireg", "unsigned", "use", "uwire", "vectored", "wait", "wand",
            "weak0", "weak1", "while", "wire", "wor", "xnor", "xor",
            "alias", "always_comb", "always_ff", "always_latch", "assert", "assume", "before", "bind", "bins",
            "binsof", "bit", "break", "byte", "chandle", "class", "clocking", "const", "constraint", "context",
            "continue", "cover", "covergroup", "coverpoint", "cross", "dist", "do", "endclass", "endclocking",
            "endgroup", "endinterface", "endpackage", "endprogram", "endproperty", "endsequence", "enum", "expect",
            "export", "extends", "extern", "final", "first_match", "foreach", "forkjoin", "iff", "ignore_bins",
            "illegal_bins", "import", "inside", "int", "interface", "intersect", "join_any", "join_none", "local",
            "logic", "longint", "matches", "modport", "new", "null", "package", "packed", "priority", "program",
            "property", "protected", "pure", "rand", "randc", "randcase", "randsequence", "ref", "return",
            "sequence", "shortint", "shortreal", "solve", "static", "string", "struct", "super", "tagged", "this",
            "throughout", "timeprecision", "timeunit", "type", "typedef", "union", "unique", "var", "virtual",
            "void", "wait_order", "wildcard", "with", "within");

    private Identifiers() {
    }

    /** Null when the name is usable, otherwise why not. */
    static String problem(String name) {
        if (name == null || !LEGAL.matcher(name).matches()) {
            return "name '" + name + "' is not an identifier (letters, digits and _, starting with a letter)";
        }
        if (RESERVED.contains(name)) {
            return "name '" + name + "' is reserved (a Verilog keyword or the implicit clk/rst)";
        }
        return null;
    }
}
