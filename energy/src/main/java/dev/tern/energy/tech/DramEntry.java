package dev.tern.energy.tech;

/**
 * Energy of moving one bit to or from off-chip memory of one type, in picojoules. {@code deviceOnly}
 * says the figure counts the DRAM device alone, without memory controller and PHY.
 */
public record DramEntry(String type, double picojoulesPerBit, boolean deviceOnly, Provenance provenance) {
}
