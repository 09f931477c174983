package dev.tern.bitnet.bench;

import dev.tern.bitnet.infer.Generation;
import dev.tern.bitnet.infer.GenerationListener;
import dev.tern.bitnet.infer.GenerationOptions;
import dev.tern.bitnet.infer.Generator;
import dev.tern.bitnet.infer.SamplingOptions;
import dev.tern.bitnet.model.BitNetException;
import dev.tern.bitnet.model.BitNetModel;
import dev.tern.bitnet.model.TernaryMatmul;
import dev.tern.bitnet.model.WorkerPool;
import java.time.Duration;

/**
 * Measures one backend on one model: a prompt of fixed tokens through the prefill, then greedy decode of a given
 * number of forward passes, after a short untimed warm-up run so that the timed one runs compiled code.
 * Generation never stops early (EOS is just another token), so every run does the same work.
 */
public final class InferenceBenchmark {
    /** The warm-up run: a few prompt tokens and decode steps, enough for the JIT to compile the hot loops. */
    private static final int WARM_UP_PROMPT_TOKENS = 4;
    private static final int WARM_UP_DECODE_STEPS = 2;

    private final BitNetModel model;
    private final int promptTokens;
    private final int decodeSteps;
    private final boolean warmUp;

    /** A benchmark of {@code promptTokens} prefill tokens and {@code decodeSteps} decode forward passes, after a warm-up. */
    public InferenceBenchmark(BitNetModel model, int promptTokens, int decodeSteps) {
        this(model, promptTokens, decodeSteps, true);
    }

    /**
     * Like {@link #InferenceBenchmark(BitNetModel, int, int)}, with or without the warm-up run: a backend whose
     * token takes minutes (a simulated accelerator) warms up within its first matmul and skips it.
     */
    public InferenceBenchmark(BitNetModel model, int promptTokens, int decodeSteps, boolean warmUp) {
        if (promptTokens < 1 || decodeSteps < 1) {
            throw new BitNetException("a benchmark needs at least one prompt token and one decode step, got "
                    + promptTokens + " and " + decodeSteps);
        }
        int context = model.config().context();
        if ((long) promptTokens + decodeSteps + 1 > context) {
            throw new BitNetException(promptTokens + " prompt tokens and " + decodeSteps
                    + " decode steps do not fit the model's context of " + context + " positions");
        }
        this.model = model;
        this.promptTokens = promptTokens;
        this.decodeSteps = decodeSteps;
        this.warmUp = warmUp;
    }

    /** Runs the benchmark with {@code matmul} on {@code pool}'s threads, reported under {@code backend}. */
    public BenchmarkResult run(String backend, TernaryMatmul matmul, WorkerPool pool) {
        Generator generator = new Generator(model, matmul, pool);
        if (warmUp) {
            generator.generate(prompt(Math.min(WARM_UP_PROMPT_TOKENS, promptTokens)), options(WARM_UP_DECODE_STEPS),
                    GenerationListener.NONE);
        }
        HeapPeak heap = HeapPeak.start();
        long[] decodeCpu = new long[2];
        Generation g = generator.generate(prompt(promptTokens), options(decodeSteps), new GenerationListener() {
            @Override
            public void onPrefillDone(int tokens, long nanos) {
                decodeCpu[0] = processCpuNanos();
            }

            @Override
            public void onFinished(Generation generation) {
                decodeCpu[1] = processCpuNanos();
            }
        });
        long cpu = decodeCpu[0] < 0 || decodeCpu[1] < 0 ? -1 : decodeCpu[1] - decodeCpu[0];
        return new BenchmarkResult(backend, pool.threads(), promptTokens, g.prefillNanos(), g.decodeSteps(),
                g.decodeNanos(), cpu, heap.peakBytes(), Runtime.getRuntime().maxMemory());
    }

    /** CPU time of the whole process so far (every thread), or -1 where the platform does not tell. */
    private static long processCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    /** Greedy, without early stop; the first token comes from the prefill, each later one from a decode pass. */
    private static GenerationOptions options(int decodeSteps) {
        return new GenerationOptions(decodeSteps + 1, SamplingOptions.greedy(), false, false, false);
    }

    /** Fixed, spread-out token ids: the same prompt for every backend and run. */
    private int[] prompt(int length) {
        int vocab = model.config().vocab();
        int[] tokens = new int[length];
        for (int i = 0; i < length; i++) {
            tokens[i] = (int) ((i * 7_919L + 17) % vocab);
        }
        return tokens;
    }
}
