package dev.tern.cli;

import dev.tern.bitnet.infer.Generation;
import dev.tern.bitnet.infer.GenerationListener;

import java.util.Locale;

/** Streams generated text to standard output as it comes; timings go to standard error. */
final class GenerationPrinter implements GenerationListener {
    private final Terminal terminal;

    GenerationPrinter(Terminal terminal) {
        this.terminal = terminal;
    }

    /** Said before the prefill starts, which on a large model takes a while. */
    @Override
    public void onPromptTokens(int[] tokens) {
        terminal.err().println("prompt: " + tokens.length + " tokens");
    }

    @Override
    public void onPrefillDone(int promptTokens, long nanos) {
        terminal.err().println(String.format(Locale.ROOT, "prefill: %.2f s, %s tokens/s", nanos / 1e9,
                rate(promptTokens * 1e9 / Math.max(1, nanos))));
    }

    @Override
    public void onToken(int step, int maxNewTokens, int token, String text) {
        terminal.out().print(text);
        terminal.out().flush();
    }

    @Override
    public void onFinished(Generation generation) {
        terminal.out().println();
        terminal.out().flush();
        terminal.err().println(String.format(Locale.ROOT, "generated %d tokens (%s); decode %s tokens/s",
                generation.tokens().length, describe(generation), rate(generation.decodeTokensPerSecond())));
    }

    /** A rate with one decimal, or three significant digits below 1 (a large model in simulation is that slow). */
    static String rate(double perSecond) {
        return perSecond >= 1 || perSecond == 0 || !Double.isFinite(perSecond) ? String.format(Locale.ROOT, "%.1f", perSecond)
                : String.format(Locale.ROOT, "%.3g", perSecond);
    }

    private static String describe(Generation generation) {
        return switch (generation.stopReason()) {
            case EOS -> "stopped at end of text";
            case MAX_TOKENS -> "token limit reached";
            case CONTEXT_FULL -> "stopped: the model's context is full";
        };
    }
}
