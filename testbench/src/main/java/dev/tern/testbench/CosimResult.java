package dev.tern.testbench;

import java.util.Optional;

/**
 * What a cosimulation compared.
 *
 * @param cycles   cycles run on both sides (up to and including a mismatch's cycle)
 * @param compared values compared (signals times cycles times Java engines)
 */
public record CosimResult(String tool, long cycles, long compared, Optional<Mismatch> mismatch) {
    public boolean passed() {
        return mismatch.isEmpty();
    }
}
