package dev.tern.synth.sweep;

/**
 * The published figures a sweep is shown beside (bitnet-kv260, plain Verilog on an AMD Kria KV260:
 * 4,179 LUTs for 160 ternary lanes; 16.78 tokens/s measured for bitnet-b1.58-2B-4T at 250 MHz).
 */
public final class PublishedAnchors {
    public static final String SOURCE = "bitnet-kv260 (github MerlijnW70/bitnet-kv260), AMD Kria KV260";
    public static final double LUTS_PER_LANE = 4179.0 / 160;
    public static final double KV260_TOKENS_PER_SECOND = 16.78;
    public static final double KV260_CLOCK_MHZ = 250;
    /** DDR4 of a KV260-like board: the bandwidth the projection beside the measured figure assumes. */
    public static final double KV260_DRAM_GBPS = 19.2;

    private PublishedAnchors() {
    }
}
