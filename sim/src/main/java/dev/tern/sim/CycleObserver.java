package dev.tern.sim;

/** Told about every cycle just before its rising edge, when the values of the cycle are final (a waveform writer). */
@FunctionalInterface
public interface CycleObserver {
    /** Called with the simulator evaluated: {@link Simulator#cycle()} is the cycle now ending. */
    void beforeEdge(Simulator simulator);
}
