package dev.tern.bitnet.model;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * A fixed number of threads that split index ranges (matrix rows, attention heads) between them.
 * With one thread every range runs on the caller, so single-threaded runs have no pool at all.
 */
public final class WorkerPool implements AutoCloseable {
    /** A body that handles indices {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeTask {
        void run(int from, int to);
    }

    private final int threads;
    private final ForkJoinPool pool;

    /** A pool of {@code threads} workers (1 means: run everything on the calling thread). */
    public WorkerPool(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.pool = threads == 1 ? null : new ForkJoinPool(threads);
    }

    public static WorkerPool singleThreaded() {
        return new WorkerPool(1);
    }

    /** A pool with one worker per available processor. */
    public static WorkerPool perProcessor() {
        return new WorkerPool(Runtime.getRuntime().availableProcessors());
    }

    public int threads() {
        return threads;
    }

    /**
     * Runs {@code task} over {@code [0, count)} in pieces of at least {@code grain} indices, in parallel when
     * there is more than one piece, and returns when all pieces are done.
     */
    public void forRange(int count, int grain, RangeTask task) {
        if (count <= 0) {
            return;
        }
        int pieces = Math.min(threads * 4, Math.max(1, count / Math.max(1, grain)));
        if (pool == null || pieces <= 1) {
            task.run(0, count);
            return;
        }
        int pieceSize = (count + pieces - 1) / pieces;
        pool.invoke(new Split(task, 0, count, pieceSize));
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }

    private static final class Split extends RecursiveAction {
        private final transient RangeTask task;
        private final int from;
        private final int to;
        private final int pieceSize;

        Split(RangeTask task, int from, int to, int pieceSize) {
            this.task = task;
            this.from = from;
            this.to = to;
            this.pieceSize = pieceSize;
        }

        @Override
        protected void compute() {
            if (to - from <= pieceSize) {
                task.run(from, to);
                return;
            }
            int middle = from + ((to - from) / pieceSize / 2) * pieceSize;
            if (middle == from) {
                middle = from + pieceSize;
            }
            invokeAll(new Split(task, from, middle, pieceSize), new Split(task, middle, to, pieceSize));
        }
    }
}
