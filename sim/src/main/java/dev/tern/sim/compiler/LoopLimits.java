package dev.tern.sim.compiler;

/**
 * How small a lane loop may be and how long its body: what pays depends on how the loop is written
 * ({@link LaneLoop}).
 *
 * @param minLanes     fewer registers of one shape than this stay scalar code
 * @param maxOperators a lane expression of more operators runs as several loops
 */
record LoopLimits(int minLanes, int maxOperators) {
    /**
     * Plain loops, which C2 vectorises: it takes apart only counted loops of more than 16 iterations (it unrolls
     * shorter ones into scalar code), and only while the unrolled body stays small (measured on the accelerator's
     * two-level adders: one loop of 25 operators is about twice as slow as three of 8 to 10, and six of 4 are
     * slower again).
     */
    static final LoopLimits PLAIN = new LoopLimits(16, 10);

    /**
     * Vector API loops: 8 lanes are one vector of AVX-512 and two of AVX2, and a long body costs no more than
     * the same operators in several loops, which pass their values through memory; but a body is split beyond
     * 40 operators, as one loop cannot be cut across methods and a lanewise call takes several bytes of
     * bytecode (a loop of 40 takes about 2 KB with its plain loop for the lanes left over).
     */
    static final LoopLimits VECTOR = new LoopLimits(8, 40);

    static LoopLimits of(boolean vectorLoops) {
        return vectorLoops ? VECTOR : PLAIN;
    }
}
