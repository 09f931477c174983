package dev.tern.accel.axi;

/**
 * The AXI4-Lite register map of {@link TernaryMatmulAxi}: 32-bit registers at word-aligned byte offsets.
 * The hardware, the simulator driver and the manifest all read it from here.
 */
public enum AxiRegister {
    ID(0x00, Access.READ_ONLY, "design identifier, " + hex(AxiRegister.ID_VALUE) + " (ASCII \"TERN\")"),
    VERSION(0x04, Access.READ_ONLY, "register-map version, major in bits 31..16 and minor in 15..0: "
            + hex(AxiRegister.VERSION_VALUE)),
    CONTROL(0x08, Access.WRITE_ONE_TO_ACT, "bit 0 START: starts a job with IN_TILES and ROW_GROUPS (ignored and flagged"
            + " in ERRORS while busy or with dimensions beyond the SRAMs); bit 1 CLEAR_COUNTERS: zeroes CYCLE_COUNT and"
            + " BUSY_COUNT; reads 0"),
    STATUS(0x0C, Access.READ_ONLY, "bit 0 BUSY: a job runs; bit 1 DONE: the last job delivered its last result"),
    IN_TILES(0x10, Access.READ_WRITE, "tiles of the next job, ceil(in/lanes), 0 to activation-depth"),
    ROW_GROUPS(0x14, Access.READ_WRITE, "row groups of the next job, ceil(out/rows), 0 to weight-depth; IN_TILES *"
            + " ROW_GROUPS must not exceed weight-depth (not checked by the hardware)"),
    JOB_CYCLES(0x18, Access.READ_ONLY, "clock edges of the current or last job, from the one after its start"),
    CYCLE_COUNT(0x1C, Access.READ_ONLY, "clock edges since reset or CLEAR_COUNTERS, wrapping (flagged in ERRORS)"),
    BUSY_COUNT(0x20, Access.READ_ONLY, "clock edges with BUSY high since reset or CLEAR_COUNTERS, wrapping (flagged in ERRORS)"),
    ERRORS(0x24, Access.WRITE_ONE_TO_CLEAR, "sticky flags, a 1 written clears: bit 0 START_WHILE_BUSY, bit 1"
            + " BAD_DIMENSIONS (START with IN_TILES > activation-depth or ROW_GROUPS > weight-depth), bit 2"
            + " CYCLE_COUNT_OVERFLOW, bit 3 BUSY_COUNT_OVERFLOW"),
    SHAPE(0x28, Access.READ_ONLY, "lanes in bits 15..0, rows in bits 31..16"),
    MEMORY(0x2C, Access.READ_ONLY, "log2(weight-depth) in bits 7..0, log2(activation-depth) in 15..8, encoding in"
            + " 23..16 (0 two-bit, 1 base3), adder-tree levels per register in 31..24");

    /** How the bus may use a register. */
    public enum Access {
        READ_ONLY,
        READ_WRITE,
        /** Writing a 1 to a bit triggers its action; reads 0. */
        WRITE_ONE_TO_ACT,
        /** Writing a 1 to a bit clears it. */
        WRITE_ONE_TO_CLEAR;

        public boolean writable() {
            return this != READ_ONLY;
        }
    }

    public static final long ID_VALUE = 0x5445524EL;
    public static final long VERSION_VALUE = 0x0001_0000L;
    /** Address bits of the AXI4-Lite port: the map occupies {@code 2^ADDRESS_BITS} bytes. */
    public static final int ADDRESS_BITS = 8;
    public static final int DATA_BITS = 32;
    /** Bits of AWPROT and ARPROT (privileged, non-secure, instruction), which AXI4-Lite defines and the wrapper ignores. */
    public static final int PROT_BITS = 3;

    public static final int START = 0;
    public static final int CLEAR_COUNTERS = 1;
    public static final int BUSY = 0;
    public static final int DONE = 1;
    public static final int START_WHILE_BUSY = 0;
    public static final int BAD_DIMENSIONS = 1;
    public static final int CYCLE_COUNT_OVERFLOW = 2;
    public static final int BUSY_COUNT_OVERFLOW = 3;
    public static final int ERROR_FLAGS = 4;

    private final int offset;
    private final Access access;
    private final String description;

    AxiRegister(int offset, Access access, String description) {
        this.offset = offset;
        this.access = access;
        this.description = description;
    }

    /** Byte offset on the AXI4-Lite port. */
    public int offset() {
        return offset;
    }

    /** Word index: the offset without its two always-zero bits. */
    public int index() {
        return offset >>> 2;
    }

    public Access access() {
        return access;
    }

    public String description() {
        return description;
    }

    static String hex(long value) {
        return String.format("0x%08X", value);
    }
}
