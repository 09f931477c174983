package dev.tern.accel;

import dev.tern.accel.rtl.TernaryMatmulUnit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * How a matrix-vector product of any height runs on a {@link TernaryMatmulUnit} whose weight bank holds
 * only part of the matrix: as a sequence of jobs ({@link TernaryMatmulDriver#runSequence}), each of as many
 * whole row groups as the bank holds, every job streaming its weights and its activation vector into the
 * free banks while the job before it computes. A batch of vectors runs chunk by chunk, each chunk for
 * every vector before the next chunk.
 *
 * <p>This is the schedule the BitNet backends use and the sweep's cycle model counts, so both count the
 * same edges; the tests hold the formula to the simulated unit.
 */
public final class ChunkedMatVec {
    private ChunkedMatVec() {
    }

    /**
     * Row groups per job: as many as fit the weight bank, at least one.
     *
     * @throws AcceleratorConfigException when one row group of {@code in} columns does not fit the weight bank or
     *                                    one vector the activation bank
     */
    public static long groupsPerJob(AcceleratorConfig config, long in) {
        long tiles = tiles(config, in);
        if (tiles > config.weightDepth() || tiles > config.activationDepth()) {
            throw new AcceleratorConfigException(AcceleratorConfig.DESIGN + ": an input of " + in + " needs " + tiles
                    + " words of " + config.lanes() + " lanes; activation-depth is " + config.activationDepth()
                    + " and weight-depth " + config.weightDepth());
        }
        return config.weightDepth() / tiles;
    }

    /** Matrix rows per job. */
    public static long rowsPerJob(AcceleratorConfig config, long in) {
        return groupsPerJob(config, in) * config.rows();
    }

    /**
     * Clock edges of the products of an {@code out x in} matrix with {@code vectors} vectors, with the result
     * stream always ready: the first job's load (weights and vector in parallel), then each job's
     * {@link TernaryMatmulUnit#jobCycles} and the part of the next job's load it does not hide
     * ({@link TernaryMatmulUnit#exposedLoadCycles}).
     */
    public static long cycles(AcceleratorConfig config, long out, long in, int vectors) {
        long tiles = tiles(config, in);
        long groups = ceilDiv(out, config.rows());
        long perJob = groupsPerJob(config, in);
        long total = 0;
        long previousJob = -1;
        for (long done = 0; done < groups; done += perJob) {
            long jobGroups = Math.min(perJob, groups - done);
            long weightWords = jobGroups * tiles;
            for (int v = 0; v < vectors; v++) {
                total += previousJob < 0 ? Math.max(weightWords, tiles)
                        : TernaryMatmulUnit.exposedLoadCycles(previousJob, weightWords, tiles);
                previousJob = TernaryMatmulUnit.jobCycles(config, jobGroups, tiles);
                total += previousJob;
            }
        }
        return total;
    }

    /** Where a matrix's rows come from: the codes of rows {@code first .. first + count - 1}, asked for once per job chunk. */
    @FunctionalInterface
    public interface Rows {
        byte[][] codes(int first, int count);
    }

    /**
     * The products of an {@code out}-row matrix with each of {@code vectors}, run on {@code driver}'s unit by this
     * schedule: {@code y[v]} is the product with vector {@code v}.
     *
     * @return the clock edges the schedule took (exposed loads plus jobs), what {@link #cycles} counts
     */
    public static long run(TernaryMatmulDriver driver, AcceleratorConfig config, int out, Rows rows, List<byte[]> vectors,
                           int[][] y) {
        int in = vectors.get(0).length;
        int rowsPerJob = (int) Math.min(out, rowsPerJob(config, in));
        List<TernaryMatmulDriver.Job> jobs = new ArrayList<>();
        List<Integer> firstRows = new ArrayList<>();
        for (int first = 0; first < out; first += rowsPerJob) {
            byte[][] chunk = rows.codes(first, Math.min(rowsPerJob, out - first));
            for (byte[] x : vectors) {
                jobs.add(new TernaryMatmulDriver.Job(chunk, x));
                firstRows.add(first);
            }
        }
        List<TernaryMatmulDriver.Run> runs = driver.runSequence(jobs);
        long edges = 0;
        for (int j = 0; j < runs.size(); j++) {
            TernaryMatmulDriver.Run run = runs.get(j);
            System.arraycopy(run.y(), 0, y[j % vectors.size()], firstRows.get(j), run.y().length);
            edges += run.loadCycles() + run.computeCycles();
        }
        return edges;
    }

    /**
     * Runs the schedule on {@code driver}'s unit for a random {@code out x in} matrix and {@code vectors} random
     * vectors drawn from {@code seed}, checks every output against {@link TernaryGolden}, and returns the edges it
     * took: what {@link #cycles} must equal.
     *
     * @throws IllegalStateException when an output differs from the golden model
     */
    public static long simulatedCycles(TernaryMatmulDriver driver, AcceleratorConfig config, int out, int in, int vectors,
                                       long seed) {
        Random random = new Random(seed);
        byte[][] codes = new byte[out][in];
        for (byte[] row : codes) {
            for (int i = 0; i < in; i++) {
                row[i] = (byte) random.nextInt(3);
            }
        }
        List<byte[]> xs = new ArrayList<>();
        for (int v = 0; v < vectors; v++) {
            byte[] x = new byte[in];
            random.nextBytes(x);
            xs.add(x);
        }
        int[][] y = new int[vectors][out];
        long edges = run(driver, config, out, (first, count) -> Arrays.copyOfRange(codes, first, first + count), xs, y);
        for (int v = 0; v < vectors; v++) {
            if (!Arrays.equals(TernaryGolden.matVec(codes, xs.get(v), config.lanes()), y[v])) {
                throw new IllegalStateException("vector " + v + " of a " + out + " x " + in + " product differs from the golden model");
            }
        }
        return edges;
    }

    private static long tiles(AcceleratorConfig config, long in) {
        return ceilDiv(in, config.lanes());
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
