package dev.tern.sim.compiler;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * The Vector API form ({@code jdk.incubator.vector.LongVector}) of a long expression of a lane loop's body:
 * the same operators on every lane of a vector at once. The expression is the one {@link NarrowExpressions}
 * wrote for one lane, so each operator's semantics stays defined in one place; this class only rewrites
 * Java's {@code long} operators as their lanewise counterparts, which compute the same 64-bit two's
 * complement results (shift counts taken modulo 64, as Java does).
 *
 * <p>It reads what {@code NarrowExpressions} writes: literals, names, array elements ({@code v[48 + i]},
 * the lane's slot when the index mentions {@code i}), parentheses, unary {@code -} and {@code ~}, and the
 * binary operators {@code * + - << >> >>> & ^ |} with Java's precedence. An expression with anything else
 * (a call of {@code NarrowOps}, {@code Long.bitCount}) has no lanewise form here, and its loop stays a
 * plain loop.
 */
final class VectorExpressions {
    /** The generated constant holding the species: {@code LongVector.SPECIES_PREFERRED}. */
    static final String SPECIES = "L";
    /** The loop counter of lane loops. */
    private static final String LANE = "i";

    private final String text;
    private final Predicate<String> vectorName;
    private int at;

    private VectorExpressions(String text, Predicate<String> vectorName) {
        this.text = text;
        this.vectorName = vectorName;
    }

    /**
     * @param scalar     a long expression for lane {@code i}
     * @param vectorName whether a name is a {@code LongVector} local of the vector loop (the others are longs
     *                   that hold for every lane)
     * @return an expression of type {@code LongVector} computing {@code scalar} for the lanes from {@code i},
     *         or empty when it holds something without a lanewise form
     */
    static Optional<String> vector(String scalar, Predicate<String> vectorName) {
        VectorExpressions parser = new VectorExpressions(scalar, vectorName);
        try {
            Term term = parser.expression(0);
            parser.skipSpaces();
            if (parser.at != scalar.length()) {
                return Optional.empty();
            }
            return Optional.of(term.asVector());
        } catch (NoLanewiseForm e) {
            return Optional.empty();
        }
    }

    /** A parsed subexpression as Java text, either a {@code LongVector} or a {@code long} for all lanes. */
    private record Term(String text, boolean vector) {
        String asVector() {
            return vector ? text : "LongVector.broadcast(" + SPECIES + ", " + text + ")";
        }
    }

    private static final class NoLanewiseForm extends RuntimeException {
        NoLanewiseForm() {
            super(null, null, false, false);
        }
    }

    /** Java's binary operators on long, loosest first. */
    private enum Operator {
        OR("|", 1, "OR", true), XOR("^", 2, "XOR", true), AND("&", 3, "AND", true),
        SHL("<<", 4, "LSHL", false), SHR(">>>", 4, "LSHR", false), SRA(">>", 4, "ASHR", false),
        ADD("+", 5, "ADD", true), SUB("-", 5, "SUB", false), MUL("*", 6, "MUL", true);

        final String symbol;
        final int precedence;
        final String lanewise;
        final boolean commutative;

        Operator(String symbol, int precedence, String lanewise, boolean commutative) {
            this.symbol = symbol;
            this.precedence = precedence;
            this.lanewise = lanewise;
            this.commutative = commutative;
        }
    }

    private Term expression(int minPrecedence) {
        Term left = unary();
        while (true) {
            Operator op = peekOperator();
            if (op == null || op.precedence < minPrecedence) {
                return left;
            }
            at += op.symbol.length();
            Term right = expression(op.precedence + 1);
            left = combine(op, left, right);
        }
    }

    private static Term combine(Operator op, Term left, Term right) {
        if (!left.vector && !right.vector) {
            return new Term("(" + left.text + " " + op.symbol + " " + right.text + ")", false);
        }
        String lanewise = "VectorOperators." + op.lanewise;
        if (!left.vector && op.commutative) {
            return new Term(right.text + ".lanewise(" + lanewise + ", " + left.text + ")", true);
        }
        return new Term(left.asVector() + ".lanewise(" + lanewise + ", " + right.text + ")", true);
    }

    private Operator peekOperator() {
        skipSpaces();
        if (at >= text.length()) {
            return null;
        }
        // Longest symbol first: ">>>" before ">>".
        Operator found = null;
        for (Operator op : Operator.values()) {
            if (text.startsWith(op.symbol, at) && (found == null || op.symbol.length() > found.symbol.length())) {
                found = op;
            }
        }
        return found;
    }

    private Term unary() {
        skipSpaces();
        char c = peek();
        if (c == '-' || c == '~') {
            at++;
            Term operand = unary();
            if (!operand.vector) {
                return new Term("(" + c + operand.text + ")", false);
            }
            return new Term(operand.text + (c == '-' ? ".neg()" : ".not()"), true);
        }
        if (c == '(') {
            at++;
            Term inner = expression(0);
            expect(')');
            return inner;
        }
        if (Character.isDigit(c)) {
            return new Term(token(), false);
        }
        if (Character.isJavaIdentifierStart(c)) {
            String name = token();
            skipSpaces();
            if (peek() == '(' || name.contains(".")) {
                throw new NoLanewiseForm();
            }
            if (peek() == '[') {
                return element(name);
            }
            return new Term(name, vectorName.test(name));
        }
        throw new NoLanewiseForm();
    }

    /** {@code array[index]}: the lanes' elements from the lane's index on when the index counts lanes. */
    private Term element(String array) {
        expect('[');
        int from = at;
        int depth = 1;
        while (at < text.length() && depth > 0) {
            char c = text.charAt(at++);
            depth += c == '[' ? 1 : c == ']' ? -1 : 0;
        }
        if (depth != 0) {
            throw new NoLanewiseForm();
        }
        String index = text.substring(from, at - 1).trim();
        boolean perLane = index.equals(LANE) || index.endsWith("+ " + LANE);
        if (perLane) {
            return new Term("LongVector.fromArray(" + SPECIES + ", " + array + ", " + index + ")", true);
        }
        if (index.matches("[0-9]+")) {
            return new Term(array + "[" + index + "]", false);
        }
        throw new NoLanewiseForm();
    }

    private String token() {
        int from = at;
        while (at < text.length() && (Character.isJavaIdentifierPart(text.charAt(at)) || text.charAt(at) == '.')) {
            at++;
        }
        return text.substring(from, at);
    }

    private void expect(char c) {
        skipSpaces();
        if (peek() != c) {
            throw new NoLanewiseForm();
        }
        at++;
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void skipSpaces() {
        while (at < text.length() && text.charAt(at) == ' ') {
            at++;
        }
    }
}
