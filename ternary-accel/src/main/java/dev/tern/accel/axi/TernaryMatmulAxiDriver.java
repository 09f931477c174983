package dev.tern.accel.axi;

import dev.tern.accel.AcceleratorConfig;
import dev.tern.accel.AcceleratorConfigException;
import dev.tern.accel.TernaryMatmulDriver;
import dev.tern.accel.rtl.TernaryMatmulUnit;
import dev.tern.hdl.Elaborator;
import dev.tern.sim.Simulator;

import java.math.BigInteger;
import java.util.List;

/**
 * Drives a {@link TernaryMatmulAxi} in the cycle-accurate simulator the way a processor and a DMA engine
 * would: registers through the AXI4-Lite handshakes, words through the AXI4-Stream ports.
 */
public final class TernaryMatmulAxiDriver implements AutoCloseable {
    /** A register read: the data and the response. */
    public record Read(long value, AxiResponse response) {
    }

    private static final String LITE = "s_axi_";
    private static final String WEIGHTS = "s_axis_weight_";
    private static final String ACTIVATIONS = "s_axis_activation_";
    private static final String RESULTS = "m_axis_result_";
    private static final int ALL_STROBES = 0xF;
    /** Edges a handshake may wait before the slave is declared stuck; the wrapper answers within two. */
    private static final int HANDSHAKE_LIMIT = 64;

    private final AcceleratorConfig config;
    private final Simulator sim;

    private TernaryMatmulAxiDriver(AcceleratorConfig config, Simulator sim) {
        this.config = config;
        this.sim = sim;
        sim.reset();
        sim.poke(RESULTS + "tready", 1);
    }

    /** A driver over a freshly generated wrapper in the compiled simulator. */
    public static TernaryMatmulAxiDriver create(AcceleratorConfig config) {
        return new TernaryMatmulAxiDriver(config, Simulator.compile(Elaborator.elaborate(() -> new TernaryMatmulAxi(config))));
    }

    /**
     * A driver over {@code simulator}, a simulation of {@code new TernaryMatmulAxi(config)}; it resets the wrapper.
     * Closing the driver closes the simulator.
     */
    public static TernaryMatmulAxiDriver on(AcceleratorConfig config, Simulator simulator) {
        return new TernaryMatmulAxiDriver(config, simulator);
    }

    public Simulator simulator() {
        return sim;
    }

    /** Writes all four bytes of {@code register}. */
    public AxiResponse write(AxiRegister register, long value) {
        return write(register.offset(), value, ALL_STROBES);
    }

    /**
     * One AXI4-Lite write: AW and W offered together, each dropped once accepted, then B taken.
     *
     * @param strobes {@code wstrb}, bit {@code b} enabling byte {@code b} of {@code value}
     */
    public AxiResponse write(int address, long value, int strobes) {
        sim.poke(LITE + "awaddr", address);
        sim.poke(LITE + "wdata", value & 0xFFFF_FFFFL);
        sim.poke(LITE + "wstrb", strobes);
        boolean addressSent = false;
        boolean dataSent = false;
        for (int edge = 0; !(addressSent && dataSent); edge++) {
            checkLimit(edge, "AW/W", address);
            sim.poke(LITE + "awvalid", addressSent ? 0 : 1);
            sim.poke(LITE + "wvalid", dataSent ? 0 : 1);
            boolean addressTaken = !addressSent && sim.peek(LITE + "awready") == 1;
            boolean dataTaken = !dataSent && sim.peek(LITE + "wready") == 1;
            sim.step();
            addressSent |= addressTaken;
            dataSent |= dataTaken;
        }
        sim.poke(LITE + "awvalid", 0);
        sim.poke(LITE + "wvalid", 0);
        sim.poke(LITE + "bready", 1);
        for (int edge = 0; sim.peek(LITE + "bvalid") == 0; edge++) {
            checkLimit(edge, "B", address);
            sim.step();
        }
        AxiResponse response = AxiResponse.of(sim.peek(LITE + "bresp"));
        sim.step();
        sim.poke(LITE + "bready", 0);
        return response;
    }

    /** Reads {@code register}, which answers OKAY. */
    public long read(AxiRegister register) {
        Read read = read(register.offset());
        if (read.response() != AxiResponse.OKAY) {
            throw new IllegalStateException("register " + register + " answered " + read.response());
        }
        return read.value();
    }

    /** One AXI4-Lite read: AR offered until accepted, then R taken. */
    public Read read(int address) {
        sim.poke(LITE + "araddr", address);
        sim.poke(LITE + "arvalid", 1);
        for (int edge = 0; sim.peek(LITE + "arready") == 0; edge++) {
            checkLimit(edge, "AR", address);
            sim.step();
        }
        sim.step();
        sim.poke(LITE + "arvalid", 0);
        sim.poke(LITE + "rready", 1);
        for (int edge = 0; sim.peek(LITE + "rvalid") == 0; edge++) {
            checkLimit(edge, "R", address);
            sim.step();
        }
        Read read = new Read(sim.peek(LITE + "rdata"), AxiResponse.of(sim.peek(LITE + "rresp")));
        sim.step();
        sim.poke(LITE + "rready", 0);
        return read;
    }

    /**
     * {@code y = W . x} through the wrapper's ports: the weights and the activations stream in, IN_TILES,
     * ROW_GROUPS and START are written, the results stream out until TLAST, and JOB_CYCLES is read.
     * {@code loadCycles} counts the edges of the two streams, {@code computeCycles} is JOB_CYCLES.
     *
     * @throws AcceleratorConfigException when the matrix or the vector does not fit the unit's SRAMs
     */
    public TernaryMatmulDriver.Run run(byte[][] codes, byte[] x) {
        TernaryMatmulDriver.checkFits(config, codes, x);
        int tiles = (x.length + config.lanes() - 1) / config.lanes();
        int groups = (codes.length + config.rows() - 1) / config.rows();
        long loadStart = sim.cycle();
        stream(WEIGHTS, TernaryMatmulDriver.weightWords(config, codes, x.length));
        stream(ACTIVATIONS, TernaryMatmulDriver.activationWords(config, x));
        long loadCycles = sim.cycle() - loadStart;
        expectOkay(write(AxiRegister.IN_TILES, tiles), AxiRegister.IN_TILES);
        expectOkay(write(AxiRegister.ROW_GROUPS, groups), AxiRegister.ROW_GROUPS);
        expectOkay(write(AxiRegister.CONTROL, 1L << AxiRegister.START), AxiRegister.CONTROL);
        int[] y = collect(codes.length, groups, TernaryMatmulUnit.jobCycles(config, groups, tiles));
        return new TernaryMatmulDriver.Run(y, loadCycles, read(AxiRegister.JOB_CYCLES));
    }

    private void stream(String port, List<BigInteger> words) {
        sim.poke(port + "tvalid", 1);
        for (BigInteger word : words) {
            sim.pokeBig(port + "tdata", word);
            for (int edge = 0; sim.peek(port + "tready") == 0; edge++) {
                checkLimit(edge, port + "tready", 0);
                sim.step();
            }
            sim.step();
        }
        sim.poke(port + "tvalid", 0);
    }

    /** Takes result words until TLAST, which must come with the last row group's word and no other. */
    private int[] collect(int out, int groups, long jobCycles) {
        int[] y = new int[out];
        long limit = 4 * jobCycles + HANDSHAKE_LIMIT;
        for (int group = 0, edge = 0; group < groups; edge++) {
            if (edge > limit) {
                throw new IllegalStateException("result " + group + " of " + groups + " did not come within " + limit + " edges");
            }
            if (sim.peek(RESULTS + "tvalid") == 1) {
                boolean last = sim.peek(RESULTS + "tlast") == 1;
                if (last != (group == groups - 1)) {
                    throw new IllegalStateException("TLAST is " + last + " on result " + group + " of " + groups);
                }
                BigInteger word = sim.peekBig(RESULTS + "tdata");
                for (int r = 0; r < config.rows() && group * config.rows() + r < out; r++) {
                    y[group * config.rows() + r] = word.shiftRight(32 * r).intValue();
                }
                group++;
            }
            sim.step();
        }
        return y;
    }

    private static void expectOkay(AxiResponse response, AxiRegister register) {
        if (response != AxiResponse.OKAY) {
            throw new IllegalStateException("writing " + register + " answered " + response);
        }
    }

    private static void checkLimit(int edge, String channel, int address) {
        if (edge > HANDSHAKE_LIMIT) {
            throw new IllegalStateException(channel + " handshake at address " + AxiRegister.hex(address) + " stuck for "
                    + HANDSHAKE_LIMIT + " edges");
        }
    }

    @Override
    public void close() {
        sim.close();
    }
}
