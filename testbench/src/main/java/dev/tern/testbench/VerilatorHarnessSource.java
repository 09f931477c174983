package dev.tern.testbench;

import dev.tern.sim.ops.WideOps;

import java.util.ArrayList;
import java.util.List;

/**
 * The C++ {@code main} that drives a Verilated {@value CosimTopWriter#TOP}. Two modes:
 * <ul>
 *   <li>no arguments: the cosimulation protocol on standard input and output. Each request is a
 *       little-endian {@code uint32} cycle count {@code n} followed by {@code n} input buses of
 *       {@code inputWords} little-endian {@code uint64} words; the reply is {@code n} output buses of
 *       {@code outputWords} words. A count of 0 ends the process. When the count's top bit is set
 *       ({@link #SETTLE_LAST}), the low bits count the cycles and the last one stops before its rising
 *       edge: its outputs are those of its inputs and the current state, and the next request starts
 *       in the same cycle (so a caller can peek at combinational outputs, then change inputs).</li>
 *   <li>{@code rounds SEED ROWS WARMUP_S}: the benchmark. The inputs of the first design come from the
 *       {@code RandomStimulus} rule (SplitMix64, data inputs in port order, reset in cycle 0 only), drawn
 *       into a table of {@code ROWS} rows replayed as {@code SimBenchmark} does; every output word is read
 *       each cycle. After {@code WARMUP_S} of running it prints {@code ready}; each line {@code go SECONDS}
 *       on standard input then runs for that long and prints {@code cycles seconds cpu_seconds checksum}
 *       of it, so that a caller can measure once or interleave these windows with its own; any other line
 *       or the end of input ends it.</li>
 * </ul>
 */
final class VerilatorHarnessSource {
    /** The flag of a request's count that holds back the rising edge of its last cycle. */
    static final int SETTLE_LAST = 0x80000000;

    private VerilatorHarnessSource() {
    }

    static String cpp(BusLayout layout) {
        BusLayout.Dut first = layout.duts().get(0);
        List<String> dataWords = new ArrayList<>();
        List<String> dataCounts = new ArrayList<>();
        List<String> dataMasks = new ArrayList<>();
        for (BusLayout.Slot in : first.dataInputs()) {
            dataWords.add(Integer.toString(in.word()));
            dataCounts.add(Integer.toString(in.words()));
            dataMasks.add("0x" + Long.toHexString(WideOps.topMask(in.type().width())) + "ULL");
        }
        int resetWord = first.reset().map(BusLayout.Slot::word).orElse(-1);
        String cls = "V" + CosimTopWriter.TOP;
        return """
                #include "%1$s.h"
                #include "verilated.h"
                #include <chrono>
                #include <ctime>
                #include <cstdint>
                #include <cstdio>
                #include <cstdlib>
                #include <cstring>
                #include <vector>

                static const int IN_WORDS = %2$d;
                static const int OUT_WORDS = %3$d;
                static const int DATA_INPUTS = %4$d;
                static const int DATA_WORD[] = {%5$s};
                static const int DATA_COUNT[] = {%6$s};
                static const uint64_t DATA_MASK[] = {%7$s};
                static const int RESET_WORD = %8$d;
                static const uint64_t RESET_ASSERTED = %9$d;
                static const uint64_t RESET_RELEASED = %10$d;

                // The falling edge is folded into the next cycle's evaluation: nothing in the designs reacts to it.
                static void setInputs(%1$s* top, const uint64_t* in) {
                    top->clk = 0;
                    for (int w = 0; w < IN_WORDS; w++) {
                        top->in_bus[2 * w] = (uint32_t) in[w];
                        top->in_bus[2 * w + 1] = (uint32_t) (in[w] >> 32);
                    }
                }

                static void getOutputs(%1$s* top, uint64_t* out) {
                    for (int w = 0; w < OUT_WORDS; w++) {
                        out[w] = (uint64_t) top->out_bus[2 * w] | ((uint64_t) top->out_bus[2 * w + 1] << 32);
                    }
                }

                static void risingEdge(%1$s* top) {
                    top->clk = 1;
                    top->eval();
                }

                static bool readFully(void* into, size_t bytes) {
                    return fread(into, 1, bytes, stdin) == bytes;
                }

                static int serve(%1$s* top) {
                    std::vector<uint64_t> in, out;
                    for (;;) {
                        uint32_t n;
                        if (!readFully(&n, sizeof n)) {
                            fprintf(stderr, "harness: input ended without the final zero count\\n");
                            return 1;
                        }
                        if (n == 0) {
                            return 0;
                        }
                        bool settleLast = (n & 0x80000000u) != 0;
                        n &= 0x7FFFFFFFu;
                        in.resize((size_t) n * IN_WORDS);
                        out.resize((size_t) n * OUT_WORDS);
                        if (!readFully(in.data(), in.size() * sizeof(uint64_t))) {
                            fprintf(stderr, "harness: input ended inside a batch of %%u cycles\\n", n);
                            return 1;
                        }
                        for (uint32_t c = 0; c < n; c++) {
                            setInputs(top, &in[(size_t) c * IN_WORDS]);
                            top->eval();
                            getOutputs(top, &out[(size_t) c * OUT_WORDS]);
                            if (!settleLast || c + 1 < n) {
                                risingEdge(top);
                            }
                        }
                        if (fwrite(out.data(), sizeof(uint64_t), out.size(), stdout) != out.size() || fflush(stdout) != 0) {
                            fprintf(stderr, "harness: cannot write the outputs\\n");
                            return 1;
                        }
                    }
                }

                static uint64_t splitmixState;

                static uint64_t nextDraw() {
                    uint64_t z = (splitmixState += 0x9E3779B97F4A7C15ULL);
                    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
                    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
                    return z ^ (z >> 31);
                }

                static double now() {
                    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
                }

                // The stimulus table the benchmark modes replay, and the cycles run from it.
                struct Replay {
                    %1$s* top;
                    long rows;
                    std::vector<uint64_t> table;
                    uint64_t out[OUT_WORDS];
                    uint64_t checksum = 0;
                    long long cycle = 0;
                    long long batch = 16;

                    Replay(%1$s* dut, uint64_t seed, long tableRows) : top(dut), rows(tableRows), table((size_t) tableRows * IN_WORDS, 0) {
                        splitmixState = seed;
                        for (long r = 0; r < rows; r++) {
                            uint64_t* row = &table[(size_t) r * IN_WORDS];
                            for (int p = 0; p < DATA_INPUTS; p++) {
                                for (int i = 0; i < DATA_COUNT[p]; i++) {
                                    row[DATA_WORD[p] + i] = nextDraw();
                                }
                                row[DATA_WORD[p] + DATA_COUNT[p] - 1] &= DATA_MASK[p];
                            }
                            if (RESET_WORD >= 0) {
                                row[RESET_WORD] = r == 0 ? RESET_ASSERTED : RESET_RELEASED;
                            }
                        }
                        runCycle();
                    }

                    void runCycle() {
                        long row = cycle == 0 ? 0 : (long) (1 + (cycle - 1) %% (rows - 1));
                        setInputs(top, &table[(size_t) row * IN_WORDS]);
                        top->eval();
                        getOutputs(top, out);
                        for (int w = 0; w < OUT_WORDS; w++) {
                            checksum ^= out[w];
                        }
                        risingEdge(top);
                        cycle++;
                    }

                    // Runs for about that long, in batches that grow to a few milliseconds.
                    void warmUp(double seconds) {
                        double end = now() + seconds;
                        while (now() < end) {
                            for (long long i = 0; i < batch; i++) {
                                runCycle();
                            }
                            if (batch < (1 << 20)) {
                                batch *= 2;
                            }
                        }
                        batch = batch / 8 < 16 ? 16 : batch / 8;
                    }

                    // Runs for about that long; prints the cycles, the elapsed and the CPU seconds, and the checksum.
                    void measure(double seconds) {
                        long long first = cycle;
                        std::clock_t cpuStart = std::clock();
                        double start = now();
                        double end = start + seconds;
                        double t;
                        do {
                            for (long long i = 0; i < batch; i++) {
                                runCycle();
                            }
                            t = now();
                        } while (t < end);
                        double cpu = (double) (std::clock() - cpuStart) / CLOCKS_PER_SEC;
                        printf("%%lld %%.9f %%.9f %%llu\\n", cycle - first, t - start, cpu, (unsigned long long) checksum);
                        fflush(stdout);
                    }
                };

                static int rounds(%1$s* top, uint64_t seed, long rows, double warmup) {
                    Replay replay(top, seed, rows);
                    replay.warmUp(warmup);
                    printf("ready\\n");
                    fflush(stdout);
                    char line[64];
                    while (fgets(line, sizeof line, stdin) != nullptr && strncmp(line, "go ", 3) == 0) {
                        replay.measure(atof(line + 3));
                    }
                    return 0;
                }

                int main(int argc, char** argv) {
                    VerilatedContext* context = new VerilatedContext;
                    %1$s* top = new %1$s{context};
                    top->clk = 0;
                    top->eval();
                    int status;
                    if (argc == 5 && strcmp(argv[1], "rounds") == 0) {
                        status = rounds(top, strtoull(argv[2], nullptr, 10), atol(argv[3]), atof(argv[4]));
                    } else {
                        status = serve(top);
                    }
                    top->final();
                    delete top;
                    delete context;
                    return status;
                }
                """.formatted(cls, layout.inputWords(), layout.outputWords(), dataWords.size(),
                join(dataWords), join(dataCounts), join(dataMasks), resetWord,
                first.clocking().resetLevel(true), first.clocking().resetLevel(false));
    }

    /** C++ rejects an empty braced array initialiser for an array of unknown size; a dummy 0 is never read. */
    private static String join(List<String> values) {
        return values.isEmpty() ? "0" : String.join(", ", values);
    }
}
