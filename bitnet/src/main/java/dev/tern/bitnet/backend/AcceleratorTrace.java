package dev.tern.bitnet.backend;

import dev.tern.bitnet.infer.ForwardingGenerationListener;
import dev.tern.bitnet.infer.GenerationListener;
import dev.tern.bitnet.model.BitNetConfig;
import dev.tern.bitnet.model.Projection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows a generation on the accelerator and splits its simulated clock edges into prefill and
 * decode: the edges between two generated tokens are exactly one decode forward pass. Passes every
 * event on to the listener it wraps.
 */
public final class AcceleratorTrace extends ForwardingGenerationListener {
    private final AcceleratorMatmul accelerator;
    private long prefillCycles;
    private long firstTokenCycles = -1;
    private long lastTokenCycles;
    private int tokensSeen;
    private int promptTokens;

    public AcceleratorTrace(AcceleratorMatmul accelerator, GenerationListener next) {
        super(next);
        this.accelerator = accelerator;
    }

    @Override
    public void onPromptTokens(int[] tokens) {
        promptTokens = tokens.length;
        super.onPromptTokens(tokens);
    }

    @Override
    public void onPrefillDone(int tokens, long nanos) {
        prefillCycles = accelerator.totalCycles();
        super.onPrefillDone(tokens, nanos);
    }

    @Override
    public void onToken(int step, int maxNewTokens, int token, String text) {
        long now = accelerator.totalCycles();
        if (firstTokenCycles < 0) {
            firstTokenCycles = now;
        }
        lastTokenCycles = now;
        tokensSeen++;
        super.onToken(step, maxNewTokens, token, text);
    }


    /** The simulated cycles of the generation so far, with each matrix shape named by its projections. */
    public AcceleratorSummary summary(BitNetConfig model) {
        int decodePasses = Math.max(0, tokensSeen - 1);
        long decodeCycles = tokensSeen == 0 ? 0 : lastTokenCycles - firstTokenCycles;
        List<AcceleratorSummary.ShapeLine> shapes = new ArrayList<>();
        for (AcceleratorMatmul.ShapeCycles s : accelerator.cyclesByShape()) {
            shapes.add(new AcceleratorSummary.ShapeLine(projectionsOfShape(model, s.rows(), s.cols()), s.rows(), s.cols(),
                    s.calls(), s.vectors(), s.cycles()));
        }
        return new AcceleratorSummary(accelerator.config(), promptTokens, prefillCycles, decodePasses, decodeCycles, shapes);
    }

    private static String projectionsOfShape(BitNetConfig model, int rows, int cols) {
        Map<String, Boolean> names = new LinkedHashMap<>();
        for (Projection p : Projection.values()) {
            if (p.outFeatures(model) == rows && p.inFeatures(model) == cols) {
                names.put(p.name().toLowerCase(java.util.Locale.ROOT), true);
            }
        }
        return names.isEmpty() ? "other" : String.join(", ", names.keySet());
    }
}
