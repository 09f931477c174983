package dev.tern.energy.count;

/** Accesses to one on-chip memory: how many reads and writes, and how many bits they moved. */
public record SramTraffic(long capacityBytes, long reads, long readBits, long writes, long writeBits) {

    public SramTraffic {
        if (capacityBytes <= 0) {
            throw new IllegalArgumentException("SRAM capacity must be positive: " + capacityBytes);
        }
        if (reads < 0 || readBits < 0 || writes < 0 || writeBits < 0) {
            throw new IllegalArgumentException("SRAM counts cannot be negative");
        }
    }

    SramTraffic plus(SramTraffic other) {
        if (other.capacityBytes != capacityBytes) {
            throw new IllegalStateException("one memory with two capacities: " + capacityBytes + " and "
                    + other.capacityBytes + " bytes");
        }
        return new SramTraffic(capacityBytes, Math.addExact(reads, other.reads), Math.addExact(readBits, other.readBits),
                Math.addExact(writes, other.writes), Math.addExact(writeBits, other.writeBits));
    }

    SramTraffic times(long factor) {
        return new SramTraffic(capacityBytes, Math.multiplyExact(reads, factor), Math.multiplyExact(readBits, factor),
                Math.multiplyExact(writes, factor), Math.multiplyExact(writeBits, factor));
    }

    public long totalBits() {
        return readBits + writeBits;
    }
}
