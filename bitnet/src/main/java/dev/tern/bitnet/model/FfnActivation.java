package dev.tern.bitnet.model;

/** The gated activation of the feed-forward block: {@code down(act(gate(h)) * up(h))}. */
public enum FfnActivation {
    /** {@code relu(g)^2}, as in bitnet-b1.58-2B-4T ({@code hidden_act: relu2}). */
    RELU2,
    /** {@code silu(g) = g * sigmoid(g)}, as in the 1bitLLM reproductions and llama.cpp's {@code bitnet} architecture. */
    SWIGLU;

    /** The activation of one gate value; computed in double so that both activations round once, at the end. */
    public double apply(double gate) {
        return switch (this) {
            case RELU2 -> gate > 0 ? gate * gate : 0.0;
            case SWIGLU -> gate / (1.0 + Math.exp(-gate));
        };
    }
}
