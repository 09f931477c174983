package dev.tern.accel.rtl;

import dev.tern.accel.AcceleratorConfig;
import dev.tern.accel.RandomMatrices;
import dev.tern.accel.TernaryGolden;
import dev.tern.accel.TileWords;
import dev.tern.accel.WeightEncoding;
import dev.tern.hdl.Elaborator;
import dev.tern.sim.Simulator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The datapath in the simulator against the golden model: every row group of random matrices, bit for bit. */
class TernaryMatVecCoreSimTest {
    @ParameterizedTest(name = "lanes={0} rows={1} every={2} {3} out={4} in={5} gaps={6}")
    @CsvSource({
            "16, 2, 1, TWO_BIT, 4, 16, false",
            "16, 2, 2, TWO_BIT, 5, 100, true",
            "16, 3, 4, BASE3, 7, 50, false",
            "32, 1, 3, TWO_BIT, 3, 9, true",
            "32, 2, 5, BASE3, 4, 65, true",
    })
    void rowGroupsEqualTheGoldenModel(int lanes, int rows, int every, WeightEncoding encoding, int out, int in, boolean gaps) {
        AcceleratorConfig config = new AcceleratorConfig(lanes, rows, every, encoding, 16, 16);
        Random random = new Random(lanes * 31L + rows * 7L + every + in);
        byte[][] codes = RandomMatrices.codes(random, out, in);
        byte[] x = new byte[in];
        random.nextBytes(x);
        x[0] = Byte.MIN_VALUE;
        int[] expected = TernaryGolden.matVec(codes, x, lanes);

        try (Simulator sim = Simulator.compile(Elaborator.elaborate(() -> new TernaryMatVecCore(config)))) {
            sim.reset();
            List<Integer> produced = new ArrayList<>();
            int tiles = (in + lanes - 1) / lanes;
            int latency = TernaryMatVecCore.latency(config);
            for (int rowStart = 0; rowStart < out; rowStart += rows) {
                for (int t = 0; t < tiles; t++) {
                    while (gaps && random.nextInt(3) == 0) {
                        sim.poke("in_valid", 0);
                        cycle(sim, config, produced, out);
                    }
                    sim.poke("in_valid", 1);
                    sim.poke("in_last", t == tiles - 1 ? 1 : 0);
                    sim.pokeBig("activations", TileWords.activations(x, t * lanes, lanes));
                    sim.pokeBig("weights", TileWords.weights(config, codes, rowStart, t * lanes));
                    cycle(sim, config, produced, out);
                }
            }
            sim.poke("in_valid", 0);
            for (int i = 0; i <= latency; i++) {
                cycle(sim, config, produced, out);
            }
            assertEquals(out, produced.size());
            assertArrayEquals(expected, produced.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    /** One clock edge, collecting the results of rows inside the matrix when out_valid is high after it. */
    private static void cycle(Simulator sim, AcceleratorConfig config, List<Integer> produced, int out) {
        sim.step();
        if (sim.peek("out_valid") == 1) {
            for (int r = 0; r < config.rows() && produced.size() < out; r++) {
                produced.add((int) sim.peek("result" + r));
            }
        }
    }
}
