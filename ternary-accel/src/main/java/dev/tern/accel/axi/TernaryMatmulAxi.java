package dev.tern.accel.axi;

import dev.tern.accel.AcceleratorConfig;
import dev.tern.accel.WeightEncoding;
import dev.tern.accel.rtl.TernaryMatmulUnit;
import dev.tern.hdl.Component;
import dev.tern.hdl.Input;
import dev.tern.hdl.Output;
import dev.tern.hdl.Reg;
import dev.tern.hdl.Signal;
import dev.tern.hdl.Wire;
import dev.tern.hdl.ir.Clocking;

/**
 * The FPGA top level of the ternary matmul accelerator: a {@link TernaryMatmulUnit} behind an AXI4-Lite
 * register slave and AXI4-Stream data ports, so that a processor and a DMA engine can drive it.
 *
 * <h2>Ports</h2>
 * <ul>
 *   <li>{@code aclk}, {@code aresetn}: AXI's global clock and reset ({@code ACLK}, {@code ARESETn}), the reset
 *       synchronous and active low, named as Xilinx IP names them so that a Vivado block design infers a clock
 *       associated with every AXI port and an active-low reset. The unit inside keeps Tern's {@code clk} and
 *       {@code rst}, driven by {@code aclk} and {@code ~aresetn}.</li>
 *   <li>{@code s_axi_*}: AXI4-Lite slave, {@value AxiRegister#ADDRESS_BITS}-bit byte addresses, 32-bit data, AW/W/B
 *       and AR/R channels. One write and one read are in progress at a time; AW and W may come in either order or
 *       together. Writes honour {@code wstrb} byte by byte. A write to a read-only or unmapped register, a read of
 *       an unmapped one, and any address that is not word-aligned answer SLVERR and change nothing; everything
 *       else answers OKAY. {@code awprot} and {@code arprot} are accepted for bus compatibility and ignored: the
 *       registers do not distinguish privileged, secure or instruction accesses.</li>
 *   <li>{@code s_axis_weight_*}, {@code s_axis_activation_*}: AXI4-Stream slaves (TVALID, TREADY, TDATA) that
 *       fill the unit's free weight and activation banks, words as {@link dev.tern.accel.TileWords} packs them.
 *       They have no TLAST: the register write of START, not the stream, delimits a job.</li>
 *   <li>{@code m_axis_result_*}: AXI4-Stream master (TVALID, TREADY, TDATA, TLAST), one word per row group with
 *       TLAST on the job's last one, so a DMA transfer ends with the job.</li>
 * </ul>
 *
 * <h2>Register map</h2>
 * Defined by {@link AxiRegister}, and written into the manifest:
 * <pre>
 * 0x00 ID           RO   0x5445524E ("TERN")
 * 0x04 VERSION      RO   0x00010000 (major 1, minor 0)
 * 0x08 CONTROL      W1   bit 0 START, bit 1 CLEAR_COUNTERS; reads 0
 * 0x0C STATUS       RO   bit 0 BUSY, bit 1 DONE
 * 0x10 IN_TILES     RW   tiles of the next job, at most activation-depth
 * 0x14 ROW_GROUPS   RW   row groups of the next job, at most weight-depth
 * 0x18 JOB_CYCLES   RO   edges of the current or last job
 * 0x1C CYCLE_COUNT  RO   edges since reset or CLEAR_COUNTERS
 * 0x20 BUSY_COUNT   RO   edges with BUSY high since reset or CLEAR_COUNTERS
 * 0x24 ERRORS       W1C  bit 0 START_WHILE_BUSY, bit 1 BAD_DIMENSIONS, bit 2 CYCLE_COUNT_OVERFLOW,
 *                        bit 3 BUSY_COUNT_OVERFLOW
 * 0x28 SHAPE        RO   lanes in 15..0, rows in 31..16
 * 0x2C MEMORY       RO   log2 weight-depth in 7..0, log2 activation-depth in 15..8, encoding in 23..16,
 *                        adder-tree levels per register in 31..24
 * </pre>
 *
 * <h2>A job</h2>
 * Stream the weights (unless the job reuses the current matrix) and the activations, write IN_TILES and
 * ROW_GROUPS, write 1 to CONTROL, take the results from {@code m_axis_result} until TLAST. While it runs,
 * the next job's words may already stream into the free banks (see {@link TernaryMatmulUnit}). The unit
 * takes a START on the edge after the register write, the first edge on which the write's response can be
 * accepted, so a STATUS read issued after the response already shows BUSY (or DONE for an empty job).
 */
public final class TernaryMatmulAxi extends Component {
    private static final int OKAY = AxiResponse.OKAY.code();
    private static final int SLVERR = AxiResponse.SLVERR.code();
    private static final int WORD_BITS = AxiRegister.DATA_BITS;

    public final Input awvalid = input("s_axi_awvalid", bool());
    public final Output awready = output("s_axi_awready", bool());
    public final Input awaddr = input("s_axi_awaddr", uint(AxiRegister.ADDRESS_BITS));
    /** Ignored (see the class comment). */
    public final Input awprot = input("s_axi_awprot", uint(AxiRegister.PROT_BITS));
    public final Input wvalid = input("s_axi_wvalid", bool());
    public final Output wready = output("s_axi_wready", bool());
    public final Input wdata = input("s_axi_wdata", uint(WORD_BITS));
    public final Input wstrb = input("s_axi_wstrb", uint(WORD_BITS / 8));
    public final Output bvalid = output("s_axi_bvalid", bool());
    public final Input bready = input("s_axi_bready", bool());
    public final Output bresp = output("s_axi_bresp", uint(2));
    public final Input arvalid = input("s_axi_arvalid", bool());
    public final Output arready = output("s_axi_arready", bool());
    public final Input araddr = input("s_axi_araddr", uint(AxiRegister.ADDRESS_BITS));
    /** Ignored (see the class comment). */
    public final Input arprot = input("s_axi_arprot", uint(AxiRegister.PROT_BITS));
    public final Output rvalid = output("s_axi_rvalid", bool());
    public final Input rready = input("s_axi_rready", bool());
    public final Output rdata = output("s_axi_rdata", uint(WORD_BITS));
    public final Output rresp = output("s_axi_rresp", uint(2));

    public TernaryMatmulAxi(AcceleratorConfig config) {
        clocking(Clocking.AXI);
        TernaryMatmulUnit.moduleParameters(config).forEach(this::parameter);
        TernaryMatmulUnit unit = instance("unit", new TernaryMatmulUnit(config));
        connectStreams(unit, config);

        // Write channel: hold the address and the data until both arrived, then write and answer on B.
        Reg awHeld = reg("aw_held", bool(), 0);
        Reg wHeld = reg("w_held", bool(), 0);
        Reg writeAddress = reg("write_address", uint(AxiRegister.ADDRESS_BITS), 0);
        Reg writeData = reg("write_data", uint(WORD_BITS), 0);
        Reg writeStrobes = reg("write_strobes", uint(WORD_BITS / 8), 0);
        Reg bValid = reg("b_valid", bool(), 0);
        Reg bResp = reg("b_resp", uint(2), 0);
        awready.set(awHeld.not().and(bValid.not()));
        wready.set(wHeld.not().and(bValid.not()));
        when(awvalid.and(awready), () -> {
            awHeld.set(1);
            writeAddress.set(awaddr);
        });
        when(wvalid.and(wready), () -> {
            wHeld.set(1);
            writeData.set(wdata);
            writeStrobes.set(wstrb);
        });
        Signal writeNow = awHeld.and(wHeld);
        Signal writeIndex = writeAddress.bits(AxiRegister.ADDRESS_BITS - 1, 2);
        Signal writeAligned = writeAddress.bits(1, 0).eq(0);
        Signal writable = writeAligned.and(anyRegister(writeIndex, true));
        when(writeNow, () -> {
            awHeld.set(0);
            wHeld.set(0);
            bValid.set(1);
            bResp.set(mux(writable, lit(OKAY, uint(2)), lit(SLVERR, uint(2))));
        }).elseWhen(bready, () -> bValid.set(0));
        bvalid.set(bValid);
        bresp.set(bResp);

        Signal byteMask = byteMask(writeStrobes);
        Signal written = writeData.and(byteMask);
        Signal startWrite = writes(writeNow, writeAligned, writeIndex, AxiRegister.CONTROL).and(written.bit(AxiRegister.START));
        Signal clearCounters = writes(writeNow, writeAligned, writeIndex, AxiRegister.CONTROL)
                .and(written.bit(AxiRegister.CLEAR_COUNTERS));

        Reg inTiles = dimensionRegister("in_tiles", AxiRegister.IN_TILES, writeNow, writeAligned, writeIndex, written, byteMask);
        Reg rowGroups = dimensionRegister("row_groups", AxiRegister.ROW_GROUPS, writeNow, writeAligned, writeIndex, written,
                byteMask);
        unit.inTiles.set(inTiles.trunc(unit.inTiles.width()));
        unit.rowGroups.set(rowGroups.trunc(unit.rowGroups.width()));

        Reg startPulse = reg("start_pulse", bool(), 0);
        Signal busy = unit.busy.or(startPulse);
        Signal badDimensions = inTiles.gt(config.activationDepth()).or(rowGroups.gt(config.weightDepth()));
        startPulse.set(startWrite.and(busy.not()).and(badDimensions.not()));
        unit.start.set(startPulse);

        Reg cycleCount = reg("cycle_count", uint(WORD_BITS), 0);
        Reg busyCount = reg("busy_count", uint(WORD_BITS), 0);
        when(clearCounters, () -> {
            cycleCount.set(0);
            busyCount.set(0);
        }).otherwise(() -> {
            cycleCount.set(cycleCount.add(1));
            when(unit.busy, () -> busyCount.set(busyCount.add(1)));
        });
        Signal allOnes = lit(0xFFFF_FFFFL, uint(WORD_BITS));
        Signal cycleOverflow = clearCounters.not().and(cycleCount.eq(allOnes));
        Signal busyOverflow = clearCounters.not().and(unit.busy).and(busyCount.eq(allOnes));

        Reg errors = reg("errors", uint(AxiRegister.ERROR_FLAGS), 0);
        Signal raised = cat(busyOverflow, cycleOverflow, startWrite.and(badDimensions), startWrite.and(busy)).asUInt();
        Signal cleared = mux(writes(writeNow, writeAligned, writeIndex, AxiRegister.ERRORS),
                written.trunc(AxiRegister.ERROR_FLAGS), lit(0, uint(AxiRegister.ERROR_FLAGS)));
        errors.set(errors.and(cleared.not()).or(raised));

        // Read channel: the register is sampled when AR is accepted and held on R until taken.
        Reg rValid = reg("r_valid", bool(), 0);
        Reg rData = reg("r_data", uint(WORD_BITS), 0);
        Reg rResp = reg("r_resp", uint(2), 0);
        arready.set(rValid.not());
        Signal readIndex = araddr.bits(AxiRegister.ADDRESS_BITS - 1, 2);
        Signal readable = araddr.bits(1, 0).eq(0).and(anyRegister(readIndex, false));
        Wire value = wire("read_value", uint(WORD_BITS), 0);
        switchOn(readIndex)
                .is(AxiRegister.ID.index(), () -> value.set(lit(AxiRegister.ID_VALUE, uint(WORD_BITS))))
                .is(AxiRegister.VERSION.index(), () -> value.set(lit(AxiRegister.VERSION_VALUE, uint(WORD_BITS))))
                .is(AxiRegister.STATUS.index(), () -> value.set(cat(unit.done, unit.busy).asUInt().zext(WORD_BITS)))
                .is(AxiRegister.IN_TILES.index(), () -> value.set(inTiles))
                .is(AxiRegister.ROW_GROUPS.index(), () -> value.set(rowGroups))
                .is(AxiRegister.JOB_CYCLES.index(), () -> value.set(unit.cycles))
                .is(AxiRegister.CYCLE_COUNT.index(), () -> value.set(cycleCount))
                .is(AxiRegister.BUSY_COUNT.index(), () -> value.set(busyCount))
                .is(AxiRegister.ERRORS.index(), () -> value.set(errors.zext(WORD_BITS)))
                .is(AxiRegister.SHAPE.index(), () -> value.set(lit(shape(config), uint(WORD_BITS))))
                .is(AxiRegister.MEMORY.index(), () -> value.set(lit(memory(config), uint(WORD_BITS))));
        when(arvalid.and(arready), () -> {
            rValid.set(1);
            rData.set(mux(readable, value, lit(0, uint(WORD_BITS))));
            rResp.set(mux(readable, lit(OKAY, uint(2)), lit(SLVERR, uint(2))));
        }).elseWhen(rready, () -> rValid.set(0));
        rvalid.set(rValid);
        rdata.set(rData);
        rresp.set(rResp);
    }

    /** The SHAPE register's value. */
    static long shape(AcceleratorConfig config) {
        return config.lanes() | (long) config.rows() << 16;
    }

    /** The MEMORY register's value. */
    static long memory(AcceleratorConfig config) {
        long encoding = config.encoding() == WeightEncoding.TWO_BIT ? 0 : 1;
        return Integer.numberOfTrailingZeros(config.weightDepth())
                | (long) Integer.numberOfTrailingZeros(config.activationDepth()) << 8
                | encoding << 16
                | (long) config.pipelineEvery() << 24;
    }

    private void connectStreams(TernaryMatmulUnit unit, AcceleratorConfig config) {
        Input weightValid = input("s_axis_weight_tvalid", bool());
        Output weightReady = output("s_axis_weight_tready", bool());
        Input weightData = input("s_axis_weight_tdata", uint(config.weightWordBits()));
        unit.weightIn.valid().set(weightValid);
        unit.weightIn.data().set(weightData);
        weightReady.set(unit.weightIn.ready());

        Input activationValid = input("s_axis_activation_tvalid", bool());
        Output activationReady = output("s_axis_activation_tready", bool());
        Input activationData = input("s_axis_activation_tdata", uint(config.activationWordBits()));
        unit.activationIn.valid().set(activationValid);
        unit.activationIn.data().set(activationData);
        activationReady.set(unit.activationIn.ready());

        Output resultValid = output("m_axis_result_tvalid", bool());
        Input resultReady = input("m_axis_result_tready", bool());
        Output resultData = output("m_axis_result_tdata", uint(32 * config.rows()));
        Output resultLast = output("m_axis_result_tlast", bool());
        resultValid.set(unit.resultOut.valid());
        resultData.set(unit.resultOut.data());
        resultLast.set(unit.resultLast);
        unit.resultOut.ready().set(resultReady);
    }

    /** A read-write register of the job's dimensions, updated byte by byte under the write strobes. */
    private Reg dimensionRegister(String name, AxiRegister register, Signal writeNow, Signal aligned, Signal index,
                                  Signal written, Signal byteMask) {
        Reg field = reg(name, uint(WORD_BITS), 0);
        when(writes(writeNow, aligned, index, register), () -> field.set(field.and(byteMask.not()).or(written)));
        return field;
    }

    private Signal writes(Signal writeNow, Signal aligned, Signal index, AxiRegister register) {
        return writeNow.and(aligned).and(index.eq(register.index()));
    }

    /** Whether {@code index} names a register of the map, one the bus may write when {@code forWrite}. */
    private Signal anyRegister(Signal index, boolean forWrite) {
        Signal any = lit(0, bool());
        for (AxiRegister register : AxiRegister.values()) {
            if (!forWrite || register.access().writable()) {
                any = any.or(index.eq(register.index()));
            }
        }
        return any;
    }

    /** Eight copies of each strobe bit: the data bits a write may change. */
    private Signal byteMask(Signal strobes) {
        Signal[] bytes = new Signal[WORD_BITS / 8];
        for (int b = 0; b < bytes.length; b++) {
            bytes[bytes.length - 1 - b] = mux(strobes.bit(b), lit(0xFF, uint(8)), lit(0, uint(8)));
        }
        return cat(bytes).asUInt();
    }
}
