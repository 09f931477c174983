package dev.tern.cli;

import org.apache.commons.cli.CommandLine;

import java.util.Arrays;
import java.util.List;

/** Typed option values, with the one-line error naming the option when a value is not what it should be. */
final class OptionValues {
    private OptionValues() {
    }

    static String required(CommandLine line, String option, String argName) {
        String value = line.getOptionValue(option);
        if (value == null) {
            throw new UsageException("--" + option + " " + argName + " is required");
        }
        return value;
    }

    /** A whole number of at least {@code minimum}, or {@code fallback} when the option is absent. */
    static int integer(CommandLine line, String option, int minimum, int fallback) {
        String text = line.getOptionValue(option);
        return text == null ? fallback : integer(option, text, minimum);
    }

    static int integer(String option, String text, int minimum) {
        int value;
        try {
            value = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + option + ": expected a whole number, found '" + text + "'");
        }
        if (value < minimum) {
            throw new UsageException("--" + option + ": must be at least " + minimum + ", found " + value);
        }
        return value;
    }

    /** Any 64-bit whole number (seeds), or {@code fallback} when the option is absent. */
    static long anyLong(CommandLine line, String option, long fallback) {
        String text = line.getOptionValue(option);
        if (text == null) {
            return fallback;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + option + ": expected a whole number, found '" + text + "'");
        }
    }

    /** A finite number, or {@code fallback} when the option is absent; the range is the library's to check. */
    static double number(CommandLine line, String option, double fallback) {
        String text = line.getOptionValue(option);
        if (text == null) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(text.trim());
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the option's name
        }
        throw new UsageException("--" + option + ": expected a number, found '" + text + "'");
    }

    /** A comma-separated list without empty items, or {@code fallback} when the option is absent. */
    static List<String> list(CommandLine line, String option, List<String> fallback) {
        String text = line.getOptionValue(option);
        if (text == null) {
            return fallback;
        }
        List<String> items = Arrays.stream(text.split(",", -1)).map(String::trim).toList();
        if (items.contains("")) {
            throw new UsageException("--" + option + ": empty item in '" + text + "'");
        }
        return items;
    }

    static void rejectPositionalArguments(CommandLine line, String command) {
        if (!line.getArgList().isEmpty()) {
            throw new UsageException(command + ": unexpected argument" + (line.getArgList().size() == 1 ? " " : "s ")
                    + String.join(" ", line.getArgList()) + " (see `tern " + command + " --help`)");
        }
    }
}
