package dev.tern.synth.sweep;

import dev.tern.energy.EnergyOptions;
import dev.tern.energy.workload.ModelShape;
import dev.tern.hdl.catalog.DesignCatalog;
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
                dir.resolve("cache"), dir.resolve("work"));
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
