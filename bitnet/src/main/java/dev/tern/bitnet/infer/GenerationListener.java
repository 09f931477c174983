package dev.tern.bitnet.infer;

/** Hears a generation as it happens: to stream text and show progress. Every method does nothing by default. */
public interface GenerationListener {
    GenerationListener NONE = new GenerationListener() { };

    /** The prompt has been tokenised. */
    default void onPromptTokens(int[] tokens) {
    }

    /** The prompt has run through the model (prefill); {@code nanos} is how long it took. */
    default void onPrefillDone(int promptTokens, long nanos) {
    }

    /**
     * Token {@code step} (0-based) of at most {@code maxNewTokens} was chosen; {@code text} is the text it
     * completes, possibly empty while a multi-byte character is unfinished.
     */
    default void onToken(int step, int maxNewTokens, int token, String text) {
    }

    /** The generation ended. */
    default void onFinished(Generation generation) {
    }
}
