package dev.tern.synth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class YosysStatisticsTest {
    /** The shape Yosys 0.23 writes without a top module: backslashed names and a trailing comma. */
    private static final String STAT = """
            {
               "creator": "Yosys 0.23",
               "modules": {
                  "\\\\Top": { "num_cells_by_type": { "Level": 2, "SB_DFF": 1 } },
                  "\\\\Level": { "num_cells_by_type": { "Pair": 3, "SB_DFFE": 4 } },
                  "\\\\Pair": { "num_cells_by_type": { "SB_LUT4": 5, "SB_CARRY": 5 } },
                  "\\\\Unused": { "num_cells_by_type": { "SB_LUT4": 100 } }
               },
            }
            """;

    @Test
    void totalsMultiplyEachSubmoduleByItsInstances(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("stat.json");
        Files.writeString(file, STAT);
        AreaReport area = YosysStatistics.read(file, SynthTarget.ICE40).area("Top");

        assertEquals(2 * 3 * 5, area.total().luts());
        assertEquals(1 + 2 * 4, area.total().flipFlops());
        assertEquals(30, area.total().count(CellCategory.CARRY));
        assertEquals(3, area.modules().size(), "modules outside the top's hierarchy are left out");
        ModuleArea pair = area.modules().stream().filter(m -> m.name().equals("Pair")).findFirst().orElseThrow();
        assertEquals(6, pair.instances());
        assertEquals(5, pair.own().luts());
        ModuleArea level = area.modules().get(1);
        assertEquals("Level", level.name());
        assertEquals(0, level.own().luts());
        assertEquals(15, level.total().luts());
    }

    @Test
    void aTopYosysDidNotReportIsASynthError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("stat.json");
        Files.writeString(file, STAT);
        YosysStatistics stats = YosysStatistics.read(file, SynthTarget.ICE40);
        assertEquals("Yosys statistics have no module Missing; modules: [Top, Level, Pair, Unused]",
                org.junit.jupiter.api.Assertions.assertThrows(SynthException.class, () -> stats.area("Missing")).getMessage());
    }
}
