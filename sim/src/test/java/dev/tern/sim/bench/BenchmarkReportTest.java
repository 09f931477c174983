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
}
