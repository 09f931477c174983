package dev.tern.bitnet.infer;

/**
 * A listener that passes every event on to the one it wraps: the base of listeners that watch a generation
 * on the way (counting, timing) and override only the events they need, calling {@code super}.
 */
public abstract class ForwardingGenerationListener implements GenerationListener {
    private final GenerationListener next;

    protected ForwardingGenerationListener(GenerationListener next) {
        this.next = next;
    }

    @Override
    public void onPromptTokens(int[] tokens) {
        next.onPromptTokens(tokens);
    }

    @Override
    public void onPrefillDone(int promptTokens, long nanos) {
        next.onPrefillDone(promptTokens, nanos);
    }

    @Override
    public void onToken(int step, int maxNewTokens, int token, String text) {
        next.onToken(step, maxNewTokens, token, text);
    }

    @Override
    public void onFinished(Generation generation) {
        next.onFinished(generation);
    }
}
