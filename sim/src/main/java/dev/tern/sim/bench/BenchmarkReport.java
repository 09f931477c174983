package dev.tern.sim.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark measurements as a table for people and as JSON rows for tools. Rows of other engines
 * (Verilator, Icarus) are {@link SimBenchmark.Measurement}s as well; each row's speed and setup time
 * are given relative to the {@code verilator} row of the same design when there is one (speed ratio 2.00x:
 * twice Verilator's cycles per second; setup ratio 0.10x: a tenth of its verilate-and-compile time). The
 * cpu ratio compares cycles per second of processor time instead: on a machine busy with other work it
 * is less disturbed than the wall-clock speed, which the goals use. Icarus's processor time is not
 * measured (see {@code VerilogBenchmark}) and counts as its wall time. Where the compiled engine and
 * Verilator were measured side by side in alternating windows ({@link SimBenchmark#paired}), the compiled
 * engine's goal is judged by the median ratio of those windows, which the drift of a shared machine's speed
 * moves far less than the ratio of two runs made one after the other.
 */
public final class BenchmarkReport {
    public static final String VERILATOR = "verilator";

    private BenchmarkReport() {
    }

    public static String table(List<SimBenchmark.Measurement> rows) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-22s %-12s %15s %12s %10s %14s %12s%n", "design", "engine", "cycles/s", "speed ratio",
                "setup s", "setup ratio", "cpu ratio"));
        for (SimBenchmark.Measurement m : rows) {
            SimBenchmark.Measurement v = verilator(rows, m.design());
            String speed = v == null ? "-" : String.format("%.2fx", m.cyclesPerSecond() / v.cyclesPerSecond());
            String setup = v == null ? "-" : String.format("%.2fx", m.setupSeconds() / v.setupSeconds());
            String cpu = v == null ? "-" : String.format("%.2fx", m.cyclesPerCpuSecond() / v.cyclesPerCpuSecond());
            out.append(String.format("%-22s %-12s %,15.0f %12s %10.2f %14s %12s%n", m.design(), m.engine(), m.cyclesPerSecond(),
                    speed, m.setupSeconds(), setup, cpu));
        }
        return out.toString();
    }

    public static String json(List<SimBenchmark.Measurement> rows) {
        return json(rows, Map.of());
    }

    /**
     * One object per design and engine: design, engine, cycles_per_s, setup_s, cycles, seconds, cpu_seconds;
     * and on a compiled row whose design was measured beside Verilator in alternating windows
     * ({@link SimBenchmark#paired}), paired_speed_ratio: the median of those windows' speed ratios.
     */
    public static String json(List<SimBenchmark.Measurement> rows, Map<String, Double> pairedRatios) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (SimBenchmark.Measurement m : rows) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("design", m.design());
            row.put("engine", m.engine());
            row.put("cycles_per_s", m.cyclesPerSecond());
            row.put("setup_s", m.setupSeconds());
            row.put("cycles", m.cycles());
            row.put("seconds", m.seconds());
            row.put("cpu_seconds", m.cpuSeconds());
            if (m.engine().equals("compiled") && pairedRatios.containsKey(m.design())) {
                row.put("paired_speed_ratio", pairedRatios.get(m.design()));
            }
            objects.add(row);
        }
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(objects);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("benchmark rows could not be written as JSON", e);
        }
    }

    /**
     * The speed goals, each with its measured ratio and whether it is met: the compiled engine at
     * its case's {@link SimBenchmark.Case#speedGoal() speed goal} relative to Verilator (twice its cycles per
     * second on the computing kernels, at least as fast on any design), and the interpreter at least ten
     * times Icarus.
     */
    public static String goals(List<SimBenchmark.Measurement> rows, List<SimBenchmark.Case> cases) {
        return goals(rows, cases, Map.of());
    }

    /**
     * The goals as above, the compiled engine's judged by the median ratio of its windows alternating with
     * Verilator's where the design was measured so ({@code pairedRatios}, by design).
     */
    public static String goals(List<SimBenchmark.Measurement> rows, List<SimBenchmark.Case> cases, Map<String, Double> pairedRatios) {
        StringBuilder out = new StringBuilder();
        for (SimBenchmark.Measurement compiled : rows) {
            if (!compiled.engine().equals("compiled")) {
                continue;
            }
            SimBenchmark.Measurement v = verilator(rows, compiled.design());
            if (v != null) {
                double need = cases.stream().filter(c -> c.name().equals(compiled.design())).mapToDouble(SimBenchmark.Case::speedGoal)
                        .findFirst().orElse(1);
                Double paired = pairedRatios.get(compiled.design());
                goal(out, String.format("compiled >= %.0fx Verilator on %s%s", need, compiled.design(), paired == null ? "" : " (paired)"),
                        paired != null ? paired : compiled.cyclesPerSecond() / v.cyclesPerSecond(), need);
            }
            SimBenchmark.Measurement icarus = row(rows, compiled.design(), "icarus");
            SimBenchmark.Measurement interpreter = row(rows, compiled.design(), "interpreter");
            if (icarus != null && interpreter != null) {
                goal(out, "interpreter >= 10x Icarus on " + compiled.design(),
                        interpreter.cyclesPerSecond() / icarus.cyclesPerSecond(), 10.0);
            }
        }
        return out.toString();
    }

    private static void goal(StringBuilder out, String what, double ratio, double need) {
        out.append(String.format("goal %-61s %8.2fx  %s%n", what, ratio, ratio >= need ? "met" : "NOT MET"));
    }

    private static SimBenchmark.Measurement row(List<SimBenchmark.Measurement> rows, String design, String engine) {
        return rows.stream().filter(r -> r.design().equals(design) && r.engine().equals(engine)).findFirst().orElse(null);
    }

    private static SimBenchmark.Measurement verilator(List<SimBenchmark.Measurement> rows, String design) {
        return rows.stream().filter(r -> r.design().equals(design) && r.engine().equals(VERILATOR)).findFirst().orElse(null);
    }
}
