package dev.tern.energy.tech;

/** Energy of one access of {@code accessBits} bits to an SRAM of the given capacity, in picojoules. */
public record SramEntry(long capacityBytes, int accessBits, double picojoules, Provenance provenance) {

    public double picojoulesPerBit() {
        return picojoules / accessBits;
    }
}
