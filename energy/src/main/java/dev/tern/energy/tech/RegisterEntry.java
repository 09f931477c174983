package dev.tern.energy.tech;

/** Energy of writing one bit into a flip-flop, in picojoules. */
public record RegisterEntry(double picojoulesPerBit, Provenance provenance) {
}
