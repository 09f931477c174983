package dev.tern.accel.axi;

import dev.tern.accel.AcceleratorConfig;
import dev.tern.accel.RandomMatrices;
import dev.tern.accel.TernaryGolden;
import dev.tern.accel.TernaryMatmulDriver;
import dev.tern.accel.WeightEncoding;
import dev.tern.accel.rtl.TernaryMatmulUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wrapper seen from the bus: matmuls through AXI, the register map, SLVERR, error flags and counters. */
class TernaryMatmulAxiTest {
    private static final AcceleratorConfig SMALL = new AcceleratorConfig(16, 2, 2, WeightEncoding.TWO_BIT, 32, 8);

    @ParameterizedTest(name = "lanes={0} rows={1} every={2} {3}")
    @CsvSource({
            "16, 2, 2, TWO_BIT",
            "16, 3, 1, BASE3",
            "32, 1, 5, TWO_BIT",
    })
    void matmulsThroughAxiEqualTheGoldenModelInTheDocumentedCycles(int lanes, int rows, int every, WeightEncoding encoding) {
        AcceleratorConfig config = new AcceleratorConfig(lanes, rows, every, encoding, 64, 8);
        Random random = new Random(lanes + 10L * rows);
        int[][] shapes = {{1, 1}, {rows, lanes}, {7, 3 * lanes - 5}, {13, 2}, {rows + 1, 8 * lanes}};
        try (TernaryMatmulAxiDriver driver = TernaryMatmulAxiDriver.create(config)) {
            for (int[] shape : shapes) {
                byte[][] codes = RandomMatrices.codes(random, shape[0], shape[1]);
                byte[] x = new byte[shape[1]];
                random.nextBytes(x);
                TernaryMatmulDriver.Run run = driver.run(codes, x);
                String what = shape[0] + " x " + shape[1];
                assertArrayEquals(TernaryGolden.matVec(codes, x, lanes), run.y(), what);
                long groups = (shape[0] + rows - 1) / rows;
                long tiles = (shape[1] + lanes - 1) / lanes;
                assertEquals(TernaryMatmulUnit.jobCycles(config, groups, tiles), run.computeCycles(), what + " JOB_CYCLES");
                assertEquals(groups * tiles + tiles, run.loadCycles(), what + " stream edges");
                assertEquals(1L << AxiRegister.DONE, driver.read(AxiRegister.STATUS), what + " done, not busy");
            }
            assertEquals(0, driver.read(AxiRegister.ERRORS));
        }
    }

    @Test
    void registersReadBackAndIdentifyTheDesign() {
        try (TernaryMatmulAxiDriver driver = TernaryMatmulAxiDriver.create(SMALL)) {
            assertEquals(0x5445524EL, driver.read(AxiRegister.ID));
            assertEquals(0x0001_0000L, driver.read(AxiRegister.VERSION));
            assertEquals(16 | 2 << 16, driver.read(AxiRegister.SHAPE));
            assertEquals(5 | 3 << 8 | 0 << 16 | 2 << 24, driver.read(AxiRegister.MEMORY));
            assertEquals(0, driver.read(AxiRegister.STATUS), "neither busy nor done after reset");

            assertEquals(AxiResponse.OKAY, driver.write(AxiRegister.IN_TILES, 0x1234_5678L));
            assertEquals(0x1234_5678L, driver.read(AxiRegister.IN_TILES));
            assertEquals(AxiResponse.OKAY, driver.write(AxiRegister.IN_TILES.offset(), 0xAABB_CCDDL, 0b0101));
            assertEquals(0x12BB_56DDL, driver.read(AxiRegister.IN_TILES), "only bytes 0 and 2 written");
            assertEquals(AxiResponse.OKAY, driver.write(AxiRegister.ROW_GROUPS.offset(), 0xFFFF_FFFFL, 0b1000));
            assertEquals(0xFF00_0000L, driver.read(AxiRegister.ROW_GROUPS));
            assertEquals(0, driver.read(AxiRegister.CONTROL), "CONTROL reads 0");
        }
    }

    @Test
    void protectionBitsAreAcceptedAndChangeNothing() {
        try (TernaryMatmulAxiDriver driver = TernaryMatmulAxiDriver.create(SMALL)) {
            driver.simulator().poke("s_axi_awprot", 0b111);
            driver.simulator().poke("s_axi_arprot", 0b101);
            assertEquals(AxiResponse.OKAY, driver.write(AxiRegister.ROW_GROUPS, 0x55));
            assertEquals(0x55, driver.read(AxiRegister.ROW_GROUPS));
            assertEquals(AxiResponse.SLVERR, driver.write(AxiRegister.ID, 1), "a privileged write to a read-only register");
            assertEquals(0x5445524EL, driver.read(AxiRegister.ID));
        }
    }

    @Test
    void badAddressesAnswerSlverrAndChangeNothing() {
        try (TernaryMatmulAxiDriver driver = TernaryMatmulAxiDriver.create(SMALL)) {
            driver.write(AxiRegister.IN_TILES, 3);
            for (int address : new int[] {0x30, 0x40, 0xFC, 0x11, 0x02}) {
                TernaryMatmulAxiDriver.Read read = driver.read(address);
                assertEquals(AxiResponse.SLVERR, read.response(), "read " + Integer.toHexString(address));
                assertEquals(0, read.value(), "read " + Integer.toHexString(address));
                assertEquals(AxiResponse.SLVERR, driver.write(address, 7, 0xF), "write " + Integer.toHexString(address));
            }
            assertEquals(AxiResponse.SLVERR, driver.write(AxiRegister.IN_TILES.offset() + 1, 7, 0xF), "unaligned IN_TILES");
            assertEquals(3, driver.read(AxiRegister.IN_TILES), "the unaligned write changed nothing");
            for (AxiRegister readOnly : new AxiRegister[] {AxiRegister.ID, AxiRegister.STATUS, AxiRegister.JOB_CYCLES,
                    AxiRegister.CYCLE_COUNT, AxiRegister.SHAPE}) {
                assertEquals(AxiResponse.SLVERR, driver.write(readOnly, 0), "write " + readOnly);
            }
            assertEquals(0x5445524EL, driver.read(AxiRegister.ID));
            assertEquals(0, driver.read(AxiRegister.ERRORS), "bus errors are answered, not flagged");
        }
    }

    @Test
    void startWhileBusyAndBadDimensionsAreFlaggedIgnoredAndClearedByWritingOne() {
        try (TernaryMatmulAxiDriver driver = TernaryMatmulAxiDriver.create(SMALL)) {
            driver.write(AxiRegister.IN_TILES, 9);
            driver.write(AxiRegister.ROW_GROUPS, 1);
            driver.write(AxiRegister.CONTROL, 1);
            assertEquals(1L << AxiRegister.BAD_DIMENSIONS, driver.read(AxiRegister.ERRORS), "9 tiles, activation-depth 8");
            assertEquals(0, driver.read(AxiRegister.STATUS), "not started");
            driver.write(AxiRegister.ROW_GROUPS, 33);
            driver.write(AxiRegister.IN_TILES, 1);
            driver.write(AxiRegister.CONTROL, 1);
            assertEquals(0, driver.read(AxiRegister.STATUS), "33 row groups, weight-depth 32: not started");
            assertEquals(AxiResponse.OKAY, driver.write(AxiRegister.ERRORS.offset(), 0xFF, 0b0010), "strobe off the flags' byte");
            assertEquals(1L << AxiRegister.BAD_DIMENSIONS, driver.read(AxiRegister.ERRORS), "still set");
            driver.write(AxiRegister.ERRORS, 1L << AxiRegister.BAD_DIMENSIONS);
            assertEquals(0, driver.read(AxiRegister.ERRORS));

            driver.simulator().poke("m_axis_result_tready", 0);
            driver.write(AxiRegister.ROW_GROUPS, 4);
            driver.write(AxiRegister.IN_TILES, 8);
            driver.write(AxiRegister.CONTROL, 1);
            assertEquals(1L << AxiRegister.BUSY, driver.read(AxiRegister.STATUS), "running");
            driver.write(AxiRegister.CONTROL, 1);
            assertEquals(1L << AxiRegister.START_WHILE_BUSY, driver.read(AxiRegister.ERRORS));
            driver.simulator().poke("m_axis_result_tready", 1);
            driver.simulator().step(64);
            assertEquals(1L << AxiRegister.DONE, driver.read(AxiRegister.STATUS), "the first start ran to its end");
            driver.write(AxiRegister.ERRORS, 0xF);
            assertEquals(0, driver.read(AxiRegister.ERRORS));
        }
    }

    @Test
    void countersCountEveryEdgeAndTheBusyOnesUntilCleared() {
        Random random = new Random(8);
        byte[][] codes = RandomMatrices.codes(random, 5, 100);
        byte[] x = new byte[100];
        random.nextBytes(x);
        try (TernaryMatmulAxiDriver driver = TernaryMatmulAxiDriver.create(SMALL)) {
            driver.simulator().step(100);
            assertTrue(driver.read(AxiRegister.CYCLE_COUNT) >= 100);
            assertEquals(0, driver.read(AxiRegister.BUSY_COUNT));
            driver.write(AxiRegister.CONTROL, 1L << AxiRegister.CLEAR_COUNTERS);
            long sinceClear = driver.read(AxiRegister.CYCLE_COUNT);
            assertTrue(sinceClear < 10, "cleared " + sinceClear + " edges ago");
            long before = driver.simulator().cycle();
            TernaryMatmulDriver.Run first = driver.run(codes, x);
            TernaryMatmulDriver.Run second = driver.run(codes, x);
            long busy = driver.read(AxiRegister.BUSY_COUNT);
            assertEquals(first.computeCycles() + second.computeCycles(), busy, "busy edges are the jobs' edges");
            long elapsed = driver.simulator().cycle() - before;
            long cycles = driver.read(AxiRegister.CYCLE_COUNT);
            assertTrue(cycles > elapsed && cycles < elapsed + 20, cycles + " edges counted over " + elapsed + " simulated");
            assertEquals(0, driver.read(AxiRegister.ERRORS), "no counter wrapped");
        }
    }
}
