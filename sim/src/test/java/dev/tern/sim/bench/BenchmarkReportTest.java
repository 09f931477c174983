package dev.tern.sim.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchmarkReportTest {
    static final List<SimBenchmark.Measurement> ROWS = List.of(
            new SimBenchmark.Measurement("tree", "compiled", 300_000, 2.0, 900_000, 3.0, 2.9),
            new SimBenchmark.Measurement("tree", "verilator", 150_000, 20.0, 450_000, 3.0, 3.0),
            new SimBenchmark.Measurement("fifo", "interpreter", 1_000_000, 0.1, 3_000_000, 3.0, 3.0));

    @Test
    void tableGivesSpeedAndSetupRelativeToVerilator() {
        String table = BenchmarkReport.table(ROWS);
        assertTrue(table.contains("tree                   compiled             300,000        2.00x       2.00          0.10x        2.07x"),
                table);
        assertTrue(table.contains("fifo                   interpreter        1,000,000            -       0.10              -"), table);
    }

    @Test
    void jsonHasOneRowPerDesignAndEngine() throws Exception {
        JsonNode rows = new ObjectMapper().readTree(BenchmarkReport.json(ROWS));
        assertEquals(3, rows.size());
        assertEquals("verilator", rows.get(1).get("engine").asText());
        assertEquals(300_000, rows.get(0).get("cycles_per_s").asDouble());
        assertEquals(20.0, rows.get(1).get("setup_s").asDouble());
    }

    @Test
    void measurementRunsTheDesignWithItsStimulus() {
        SimBenchmark benchmark = new SimBenchmark(1, 0.01, 0.05, 16);
        SimBenchmark.Measurement m = benchmark.measure(new SimBenchmark.Case("tree8", TernaryDotProductTree.design(8)),
                SimBenchmark.Engine.INTERPRETER);
        assertEquals("interpreter", m.engine());
        assertTrue(m.cycles() > 0 && m.cyclesPerSecond() > 0 && m.setupSeconds() > 0, m.toString());
    }

    @Test
    void goalsSayWhichSpeedTargetsAreMetAndWhichAreNot() {
        List<SimBenchmark.Measurement> rows = List.of(
                new SimBenchmark.Measurement("ternary-tree-64", "compiled", 3_000_000, 1, 1, 1, 1),
                new SimBenchmark.Measurement("ternary-tree-64", "verilator", 2_000_000, 20, 1, 1, 1),
                new SimBenchmark.Measurement("ternary-tree-64", "interpreter", 200_000, 0.1, 1, 1, 1),
                new SimBenchmark.Measurement("ternary-tree-64", "icarus", 10_000, 0.1, 1, 1, 1),
                new SimBenchmark.Measurement("fifo", "compiled", 5_000_000, 1, 1, 1, 1),
                new SimBenchmark.Measurement("fifo", "verilator", 4_000_000, 20, 1, 1, 1));
        List<SimBenchmark.Case> cases = List.of(new SimBenchmark.Case("ternary-tree-64", TernaryDotProductTree.design(64),
                SimBenchmark.KERNEL_SPEED_GOAL));
        String goals = BenchmarkReport.goals(rows, cases);
        assertTrue(goals.contains("compiled >= 2x Verilator on ternary-tree-64") && goals.contains("1.50x  NOT MET"), goals);
        assertTrue(goals.contains("interpreter >= 10x Icarus on ternary-tree-64") && goals.contains("20.00x  met"), goals);
        assertTrue(goals.contains("compiled >= 1x Verilator on fifo") && goals.contains("1.25x  met"), goals);
    }

    @Test
    void pairedWindowsGiveTheMedianOfTheirRatiosAndEachEnginesTotal() {
        // The machine's speed drifts: both engines' windows slow down alike, one window of each is disturbed.
        double[] drift = {1, 1, 0.5, 0.5, 0.5, 1, 1, 0.25, 1, 1};
        SimBenchmark.Session fast = fixedSession("compiled", 3_000_000, drift, 7);
        SimBenchmark.Session slow = fixedSession("verilator", 1_000_000, drift, 2);
        SimBenchmark.Paired pair = SimBenchmark.paired("tree", fast, slow, 1.0);
        assertEquals(3.0, pair.medianRatio(), 1e-9, "the disturbed windows do not move the median");
        assertEquals("compiled", pair.first().engine());
        assertEquals(SimBenchmark.PAIRED_WINDOWS, pair.first().seconds() / 0.1, 1e-9);
        long cycles = 0;
        for (int w = 0; w < drift.length; w++) {
            cycles += (long) (3_000_000 * 0.1 * (w == 7 ? drift[w] / 10 : drift[w]));
        }
        assertEquals(cycles, pair.first().cycles());
    }

    /** Windows at {@code rate} scaled by the drift of each window, and ten times slower in window {@code disturbed}. */
    private static SimBenchmark.Session fixedSession(String engine, double rate, double[] drift, int disturbed) {
        return new SimBenchmark.Session() {
            private int window;

            @Override
            public String engine() {
                return engine;
            }

            @Override
            public double setupSeconds() {
                return 1;
            }

            @Override
            public SimBenchmark.Window window(double seconds) {
                double factor = drift[window] / (window == disturbed ? 10 : 1);
                window++;
                return new SimBenchmark.Window((long) (rate * seconds * factor), seconds, seconds);
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void pairedRatiosJudgeTheCompiledEnginesGoalAndJoinItsJsonRow() throws Exception {
        List<SimBenchmark.Case> cases = List.of(new SimBenchmark.Case("tree", TernaryDotProductTree.design(8), SimBenchmark.KERNEL_SPEED_GOAL));
        String goals = BenchmarkReport.goals(ROWS, cases, java.util.Map.of("tree", 1.8));
        assertTrue(goals.contains("compiled >= 2x Verilator on tree (paired)") && goals.contains("1.80x  NOT MET"), goals);
        JsonNode rows = new ObjectMapper().readTree(BenchmarkReport.json(ROWS, java.util.Map.of("tree", 1.8)));
        assertEquals(1.8, rows.get(0).get("paired_speed_ratio").asDouble());
        assertTrue(rows.get(1).get("paired_speed_ratio") == null, "only on the compiled row");
    }
}
