package dev.tern.synth.sweep;

import dev.tern.synth.ResourceCounts;
import dev.tern.synth.SynthException;
import dev.tern.synth.SynthTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepPiecesTest {
    @Test
    void gridCrossesEveryAxisLastFastest() {
        SweepGrid grid = SweepGrid.parse(List.of("lanes=16,32", "rows=1,2,4"));
        assertEquals(6, grid.assignments().size());
        assertEquals(List.of("lanes=16", "rows=1"), grid.assignments().get(0));
        assertEquals(List.of("lanes=16", "rows=2"), grid.assignments().get(1));
        assertEquals(List.of("lanes=32", "rows=4"), grid.assignments().get(5));
    }

    @Test
    void gridRejectsEmptyValuesAndRepeatedAxes() {
        assertEquals("sweep parameter lanes: empty value in 'lanes=16,,32'",
                assertThrows(SynthException.class, () -> SweepGrid.parse(List.of("lanes=16,,32"))).getMessage());
        assertEquals("sweep parameter rows is given twice",
                assertThrows(SynthException.class, () -> SweepGrid.parse(List.of("rows=1", "rows=2"))).getMessage());
    }

    @Test
    void cacheKeyChangesWithTheVerilogTheTargetAndTheToolVersion(@TempDir Path dir) throws IOException {
        String key = AreaCache.key(Map.of("a.v", "module a; endmodule"), SynthTarget.XILINX, "Yosys 0.23");
        assertNotEquals(key, AreaCache.key(Map.of("a.v", "module a ; endmodule"), SynthTarget.XILINX, "Yosys 0.23"));
        assertNotEquals(key, AreaCache.key(Map.of("a.v", "module a; endmodule"), SynthTarget.ICE40, "Yosys 0.23"));
        assertNotEquals(key, AreaCache.key(Map.of("a.v", "module a; endmodule"), SynthTarget.XILINX, "Yosys 0.24"));

        AreaCache cache = new AreaCache(dir);
        assertTrue(cache.find(key, SynthTarget.XILINX).isEmpty());
        ResourceCounts counts = new ResourceCounts(SynthTarget.XILINX, Map.of("LUT6", 7L, "FDRE", 3L));
        cache.store(key, counts);
        assertEquals(counts, cache.find(key, SynthTarget.XILINX).orElseThrow());
    }

    @Test
    void rooflineTakesTheLowerCeilingAndNamesIt() {
        Roofline roofline = new Roofline(250, 19.2);
        // 10 M cycles at 250 MHz: 25 tokens/s; 400 MB at 19.2 GB/s: 48 tokens/s.
        assertEquals(25.0, roofline.tokensPerSecond(10_000_000, 400_000_000), 1e-9);
        assertEquals(Roofline.Bound.COMPUTE, roofline.bound(10_000_000, 400_000_000));
        assertEquals(Roofline.Bound.BANDWIDTH, roofline.bound(1_000_000, 400_000_000));
    }

    @Test
    void paretoFrontKeepsOnlyPointsNothingBeatsOnBoth() {
        record P(double area, double speed) {
        }
        List<P> points = List.of(new P(10, 1), new P(20, 5), new P(15, 4), new P(30, 4), new P(40, 9));
        assertEquals(List.of(new P(10, 1), new P(15, 4), new P(20, 5), new P(40, 9)), ParetoFront.of(points, P::area, P::speed));
    }

    @Test
    void chartDrawsEveryPointAndTheFront() {
        String svg = ScatterChart.svg("t", "x", "y", List.of(new ScatterChart.Point("a<b", 1, 10, true),
                new ScatterChart.Point("c", 2, 20, false), new ScatterChart.Point("d", 3, 5, true)),
                List.of(new ScatterChart.Reference("ref", 2.5, true)));
        assertEquals(3, svg.split("<circle").length - 1);
        assertEquals(1, svg.split("<polyline").length - 1);
        assertTrue(svg.contains("<title>a&lt;b</title>"));
        assertTrue(svg.contains("stroke-dasharray"));
    }
}
