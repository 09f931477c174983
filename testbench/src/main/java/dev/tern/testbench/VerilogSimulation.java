package dev.tern.testbench;

/**
 * A Verilog simulator running the designs of a {@link BusLayout}, cycle by cycle. In each cycle the
 * inputs are applied, the combinational logic settles, the outputs are read, then the clock rises.
 */
public interface VerilogSimulation extends AutoCloseable {
    /** The tool's name as users know it: {@code verilator}, {@code icarus}. */
    String tool();

    /**
     * Runs {@code cycles} cycles: cycle {@code c} takes the input bus words at
     * {@code inputs[c * inputWords ..]} and leaves its output bus words at {@code outputs[c * outputWords ..]},
     * and in {@code unknown}, laid out the same, the bits that were x or z (a four-state simulator's
     * state before it is first reset), which read as 0 in {@code outputs}.
     *
     * @throws CosimException when the simulator process fails or breaks the protocol
     */
    void run(long[] inputs, long[] outputs, long[] unknown, int cycles);

    @Override
    void close();
}
