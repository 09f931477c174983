package dev.tern.sim.stimulus;

import dev.tern.hdl.ir.Bits;
import dev.tern.sim.Port;
import dev.tern.sim.SimulationException;
import dev.tern.sim.Simulator;
import dev.tern.sim.Values;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Inputs read from a text file, one line per cycle:
 * <pre>
 * # reset, then push two words
 * rst=1
 * rst=0 push=1 data=0x2a
 * data=17
 * push=0 *10      # hold these inputs for 10 cycles
 * .               # a cycle that changes nothing
 * </pre>
 * <ul>
 *   <li>A line holds {@code port=value} pairs separated by spaces or tabs, applied before that cycle's
 *       rising edge; inputs not named keep their value (all start at 0, so an active-low reset such as
 *       {@code aresetn} is asserted until a line sets it to 1).</li>
 *   <li>Values are decimal (a leading {@code -} for SInt ports), {@code 0x} hexadecimal or {@code 0b}
 *       binary, with optional {@code _} between digits; each must fit its port as
 *       {@link Simulator#poke(Port, long)} accepts it.</li>
 *   <li>A final {@code *N} makes the line last {@code N} cycles; a line of just {@code .} is a cycle
 *       without changes; {@code #} starts a comment; blank lines are ignored.</li>
 *   <li>After the last line the inputs keep their values.</li>
 * </ul>
 * The whole file is checked against the design's inputs before the simulation starts; an error names
 * the file and line.
 */
public final class StimulusFile implements Stimulus {
    /** The pokes of one line and the number of cycles it lasts. */
    private record Line(List<Port> ports, List<Bits> values, long cycles) {
    }

    private final Simulator simulator;
    private final List<Line> lines;
    private int line;
    private long cyclesLeftOnLine;
    private long nextCycle;

    private StimulusFile(Simulator simulator, List<Line> lines) {
        this.simulator = simulator;
        this.lines = lines;
    }

    /** Reads and checks {@code file} against the inputs of {@code simulator}. */
    public static StimulusFile read(Path file, Simulator simulator) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString(), simulator);
        } catch (NoSuchFileException e) {
            throw new SimulationException("stimulus file " + file + " does not exist");
        } catch (IOException e) {
            throw new SimulationException("cannot read stimulus file " + file + ": " + e.getMessage(), e);
        }
    }

    /** @param name names the source in error messages */
    public static StimulusFile parse(Reader reader, String name, Simulator simulator) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<Line> lines = new ArrayList<>();
        String text;
        int number = 0;
        while ((text = in.readLine()) != null) {
            number++;
            int hash = text.indexOf('#');
            String content = (hash >= 0 ? text.substring(0, hash) : text).trim();
            if (!content.isEmpty()) {
                lines.add(parseLine(content, name + ":" + number, simulator));
            }
        }
        return new StimulusFile(simulator, lines);
    }

    private static Line parseLine(String content, String where, Simulator simulator) {
        List<Port> ports = new ArrayList<>();
        List<Bits> values = new ArrayList<>();
        long cycles = 1;
        String[] tokens = content.split("[ \t]+");
        for (int t = 0; t < tokens.length; t++) {
            String token = tokens[t];
            if (token.startsWith("*")) {
                if (t != tokens.length - 1) {
                    throw new SimulationException(where + ": the repeat count " + token + " must end the line");
                }
                cycles = repeatCount(token.substring(1), where);
            } else if (token.equals(".")) {
                if (tokens.length > 2 || (tokens.length == 2 && !tokens[1].startsWith("*"))) {
                    throw new SimulationException(where + ": '.' stands alone on a line (with at most a repeat count)");
                }
            } else {
                int eq = token.indexOf('=');
                if (eq <= 0) {
                    throw new SimulationException(where + ": expected port=value, got '" + token + "'");
                }
                Port port = input(token.substring(0, eq), where, simulator);
                if (ports.contains(port)) {
                    throw new SimulationException(where + ": port " + port.name() + " is set twice");
                }
                BigInteger value = number(token.substring(eq + 1), where);
                BigInteger bits;
                try {
                    bits = Values.checkFits(value, port.type(), "port " + port.name());
                } catch (SimulationException e) {
                    throw new SimulationException(where + ": " + e.getMessage());
                }
                ports.add(port);
                values.add(Bits.of(port.width(), bits));
            }
        }
        return new Line(ports, values, cycles);
    }

    private static Port input(String name, String where, Simulator simulator) {
        for (Port p : simulator.inputs()) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        String inputs = simulator.inputs().stream().map(Port::name).collect(Collectors.joining(", "));
        boolean output = simulator.outputs().stream().anyMatch(p -> p.name().equals(name));
        throw new SimulationException(where + ": " + (output ? name + " is an output" : "unknown port '" + name + "'")
                + "; the inputs of " + simulator.design().name() + " are " + inputs);
    }

    private static long repeatCount(String text, String where) {
        try {
            long n = Long.parseLong(text);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SimulationException(where + ": a repeat count is *N with N a positive whole number, got *" + text);
    }

    private static BigInteger number(String text, String where) {
        String digits = text.replace("_", "");
        boolean negative = digits.startsWith("-");
        String body = negative ? digits.substring(1) : digits;
        int radix = 10;
        if (body.startsWith("0x") || body.startsWith("0X")) {
            radix = 16;
            body = body.substring(2);
        } else if (body.startsWith("0b") || body.startsWith("0B")) {
            radix = 2;
            body = body.substring(2);
        }
        if (body.isEmpty() || text.startsWith("_") || text.endsWith("_") || body.startsWith("-") || body.startsWith("+")) {
            throw new SimulationException(where + ": '" + text + "' is not a number (decimal, 0x hex or 0b binary)");
        }
        try {
            BigInteger value = new BigInteger(body, radix);
            return negative ? value.negate() : value;
        } catch (NumberFormatException e) {
            throw new SimulationException(where + ": '" + text + "' is not a number (decimal, 0x hex or 0b binary)");
        }
    }

    /** Cycles the file describes before its inputs hold for good. */
    public long length() {
        return lines.stream().mapToLong(Line::cycles).sum();
    }

    /** Applies the file's lines in order; cycles must come one after another from 0. */
    @Override
    public void apply(Simulator sim, long cycle) {
        if (sim != simulator) {
            throw new IllegalArgumentException("this stimulus file was checked against another simulator");
        }
        if (cycle != nextCycle) {
            throw new IllegalArgumentException("stimulus file applied out of order: cycle " + cycle + ", expected " + nextCycle);
        }
        nextCycle++;
        if (cyclesLeftOnLine > 0) {
            cyclesLeftOnLine--;
            return;
        }
        if (line >= lines.size()) {
            return;
        }
        Line current = lines.get(line++);
        for (int i = 0; i < current.ports.size(); i++) {
            sim.poke(current.ports.get(i), current.values.get(i));
        }
        cyclesLeftOnLine = current.cycles - 1;
    }
}
