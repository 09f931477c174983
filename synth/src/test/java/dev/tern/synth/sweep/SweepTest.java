package dev.tern.synth.sweep;

import dev.tern.energy.EnergyOptions;
import dev.tern.energy.workload.ModelShape;
import dev.tern.hdl.catalog.DesignCatalog;
import dev.tern.synth.ResourceCounts;
import dev.tern.synth.SynthTarget;
import dev.tern.verilog.ToolRequirement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepTest {
    private static SweepRequest request(Path dir, String design, List<String> axes, Optional<EnergyOptions> energy) {
        return new SweepRequest(design, SweepGrid.parse(axes), SynthTarget.GENERIC, 2, new Roofline(250, 19.2), energy,
                dir.resolve("cache"), dir.resolve("work"), List.of());
    }

    @Test
    void aFailedConfigurationIsReportedAndTheRestAreEvaluatedThenCached(@TempDir Path dir) throws Exception {
        ToolRequirement.require("yosys");
        Sweep sweep = new Sweep(DesignCatalog.examples());
        SweepRequest request = request(dir, "adder-tree", List.of("inputs=2,3,4"), Optional.empty());
        List<Integer> progress = new ArrayList<>();
        List<SweepPoint> first = sweep.run(request, (point, done, total) -> {
            synchronized (progress) {
                progress.add(done);
            }
        });

        assertEquals(3, first.size());
        assertEquals(3, progress.size());
        assertFalse(first.get(1).succeeded());
        assertTrue(first.get(1).failure().orElseThrow().contains("inputs"), first.get(1).failure().orElseThrow());
        assertTrue(first.get(0).succeeded() && first.get(2).succeeded());
        assertTrue(first.get(2).area().orElseThrow().flipFlops() > first.get(0).area().orElseThrow().flipFlops());
        assertFalse(first.get(0).cached());

        List<SweepPoint> second = sweep.run(request, (point, done, total) -> { });
        assertTrue(second.get(0).cached() && second.get(2).cached());
        assertEquals(first.get(2).area(), second.get(2).area());

        List<Path> files = new SweepReports(request, second).write(dir.resolve("report"));
        String csv = Files.readString(files.get(0));
        assertEquals(4, csv.lines().count());
        assertTrue(csv.lines().skip(2).findFirst().orElseThrow().startsWith("3,failed,"), csv);
        assertTrue(Files.readString(files.get(2)).contains("area only"));
    }

    @Test
    void baselinesOfEqualThroughputAreSynthesisedBesideEachConfigurationAndReported(@TempDir Path dir) throws Exception {
        ToolRequirement.require("yosys");
        // Xilinx: its DSP slices take the multipliers, which generic synthesis would spell out gate by gate for minutes.
        SweepRequest request = new SweepRequest("ternary-matmul", SweepGrid.parse(List.of("lanes=16", "rows=1", "weight-depth=16", "activation-depth=4")),
                SynthTarget.XILINX,
                1, new Roofline(250, 19.2), Optional.empty(), dir.resolve("cache"), dir.resolve("work"), List.of("int8-mac"));

        SweepPoint point = new Sweep(DesignCatalog.examples().with(new dev.tern.accel.TernaryMatmulGenerator())
                .with(new dev.tern.accel.baseline.MacArrayGenerator(dev.tern.accel.baseline.MacPrecision.INT8))).run(request, (p, done, total) -> { }).get(0);

        assertTrue(point.succeeded(), point.failure().orElse(""));
        ResourceCounts int8 = point.baselineAreas().get("int8-mac");
        assertTrue(int8.flipFlops() > 16 * 8, "the MAC array's registers: " + int8);
        assertEquals(16, int8.count(dev.tern.synth.CellCategory.DSP), "one DSP slice per INT8 multiplier");
        assertEquals(0, point.area().orElseThrow().count(dev.tern.synth.CellCategory.DSP), "the ternary unit multiplies nothing");
        String csv = new SweepReports(request, List.of(point)).csv();
        assertTrue(csv.lines().findFirst().orElseThrow().contains("int8_mac_luts,int8_mac_flip_flops,int8_mac_dsps"), csv);
        assertTrue(csv.contains("," + int8.flipFlops() + ","), csv);
    }

    @Test
    void baselinesAreForTernaryMatmulSweepsOnly(@TempDir Path dir) {
        dev.tern.synth.SynthException e = org.junit.jupiter.api.Assertions.assertThrows(dev.tern.synth.SynthException.class,
                () -> new SweepRequest("adder-tree", SweepGrid.parse(List.of("inputs=2")), SynthTarget.GENERIC, 1,
                        new Roofline(250, 19.2), Optional.empty(), dir, dir, List.of("int8-mac")));
        assertEquals("baselines of equal throughput are for ternary-matmul sweeps, not adder-tree", e.getMessage());
    }

    @Test
    void ternaryMatmulGetsCyclesEnergyAndTokensPerSecondWithModelSizedSrams(@TempDir Path dir) throws Exception {
        ModelShape model = new ModelShape("small", 256, 512, 2, 4, 2, 64, 1000, true, true);
        SweepRequest request = request(dir, "ternary-matmul", List.of("lanes=16,32", "rows=2"),
                Optional.of(EnergyOptions.builder(List.of(model)).build()));
        dev.tern.hdl.catalog.DesignGenerator generator = new dev.tern.accel.TernaryMatmulGenerator();
        var parameters = Sweep.parameters(generator, List.of("lanes=16", "rows=2"), request);
        assertEquals("32", parameters.get("activation-depth"), "512 inputs / 16 lanes");
        assertEquals("1024", parameters.get("weight-depth"), "the generator's default holds 32 tiles");

        Performance perf = Sweep.performance(dev.tern.accel.TernaryMatmulGenerator.config(parameters), request.energy().get(),
                request.roofline());
        assertEquals(new TernaryMatmulCycles(dev.tern.accel.TernaryMatmulGenerator.config(parameters)).cyclesPerToken(model),
                perf.cyclesPerToken());
        assertEquals(Math.min(250e6 / perf.cyclesPerToken(), 19.2e9 / perf.weightBytesPerToken()), perf.tokensPerSecond(), 1e-9);
        assertTrue(perf.energyPerTokenJoules() > 0);
        assertTrue(perf.baselineEnergyPerTokenJoules().get("int8-mac") > perf.energyPerTokenJoules());
        assertEquals("131 x 256", perf.cyclesCheckedOn(), "q cut to one job of 64 row groups of 2 and a partial second");
    }
}
