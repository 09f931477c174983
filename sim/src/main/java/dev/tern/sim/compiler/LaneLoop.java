package dev.tern.sim.compiler;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The text of one counted loop over lanes: per lane {@code i}, long locals and stores into arrays at
 * {@code base + i}. Written either as a plain loop, which C2 vectorises when its body is small and it
 * runs more than 16 times, or with the Vector API ({@link VectorExpressions}): the lanes a vector holds at
 * a time, then a plain loop over the lanes left over. The vector form does not depend on C2 taking the
 * loop apart; the loops of 16 or fewer lanes, which C2 unrolls into scalar code, are vectors as well.
 */
final class LaneLoop {
    private record Statement(String local, String array, int base, String expression) {
    }

    private final int lanes;
    private final List<Statement> body = new ArrayList<>();

    LaneLoop(int lanes) {
        this.lanes = lanes;
    }

    /** {@code final long name = expression;} */
    void local(String name, String expression) {
        body.add(new Statement(name, null, 0, expression));
    }

    /** {@code array[base + i] = expression;} */
    void store(String array, int base, String expression) {
        body.add(new Statement(null, array, base, expression));
    }

    /**
     * The plain loop.
     *
     * @param indent the indentation of the loop's first line, which the caller writes
     */
    String plainText(String indent) {
        return plain(indent, "for (int i = 0; ");
    }

    /**
     * The Vector API form, empty when a statement has no lanewise form.
     *
     * @param indent the indentation of the loop's first line, which the caller writes
     */
    Optional<String> vectorText(String indent) {
        String inner = indent + "    ";
        return vectorBody(indent + "        ").map(vector -> "{\n" + inner + "int i = 0;\n"
                + inner + "for (final int end = " + VectorExpressions.SPECIES + ".loopBound(" + lanes + "); i < end; i += "
                + VectorExpressions.SPECIES + ".length()) {\n"
                + vector + inner + "}\n"
                + inner + plain(inner, "for (; ") + "\n"
                + indent + "}");
    }

    private String plain(String indent, String head) {
        StringBuilder out = new StringBuilder(head).append("i < ").append(lanes).append("; i++) {\n");
        for (Statement s : body) {
            out.append(indent).append("    ");
            if (s.local != null) {
                out.append("final long ").append(s.local).append(" = ").append(s.expression).append(";\n");
            } else {
                out.append(s.array).append('[').append(s.base).append(" + i] = ").append(s.expression).append(";\n");
            }
        }
        return out.append(indent).append('}').toString();
    }

    private Optional<String> vectorBody(String indent) {
        Set<String> vectorLocals = new HashSet<>();
        StringBuilder out = new StringBuilder();
        for (Statement s : body) {
            Optional<String> vector = VectorExpressions.vector(s.expression, vectorLocals::contains);
            if (vector.isEmpty()) {
                return Optional.empty();
            }
            out.append(indent);
            if (s.local != null) {
                out.append("final LongVector ").append(s.local).append(" = ").append(vector.get()).append(";\n");
                vectorLocals.add(s.local);
            } else {
                out.append(vector.get()).append(".intoArray(").append(s.array).append(", ").append(s.base).append(" + i);\n");
            }
        }
        return Optional.of(out.toString());
    }
}
