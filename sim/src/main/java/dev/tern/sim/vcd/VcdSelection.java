package dev.tern.sim.vcd;

import dev.tern.sim.SimulationException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which signals a waveform holds: all of them, or those whose hierarchical name matches one of a list
 * of patterns ({@code count}, {@code u_fifo.*}, {@code *_valid}); {@code *} matches any run of
 * characters, dots included, {@code ?} one character.
 */
public final class VcdSelection {
    private final List<String> patterns;
    private final List<Pattern> compiled;

    private VcdSelection(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
        this.compiled = new ArrayList<>();
        for (String p : patterns) {
            compiled.add(Pattern.compile(glob(p)));
        }
    }

    public static VcdSelection all() {
        return new VcdSelection(List.of("*"));
    }

    public static VcdSelection of(List<String> patterns) {
        if (patterns.isEmpty()) {
            throw new SimulationException("a waveform selection needs at least one signal name or pattern");
        }
        return new VcdSelection(patterns);
    }

    public boolean matches(String hierarchicalName) {
        return compiled.stream().anyMatch(p -> p.matcher(hierarchicalName).matches());
    }

    /** @throws SimulationException naming a pattern that matches none of {@code names} */
    void checkEachMatches(List<String> names, String design) {
        for (int i = 0; i < compiled.size(); i++) {
            Pattern p = compiled.get(i);
            if (names.stream().noneMatch(n -> p.matcher(n).matches())) {
                throw new SimulationException("waveform selection '" + patterns.get(i) + "' matches no signal of " + design);
            }
        }
    }

    private static String glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }

    @Override
    public String toString() {
        return String.join(", ", patterns);
    }
}
