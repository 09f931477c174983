package dev.tern.testbench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/** A running Verilated model, spoken to in the binary protocol of {@link VerilatorHarnessSource}. */
final class VerilatorSimulation implements VerilogSimulation {
    /** Keeps each reply well inside a pipe's buffer, so that neither side can block the other. */
    private static final int MAX_REPLY_BYTES = 1 << 15;
    /** A batch is at most a few thousand cycles; a simulator silent for this long has hung. */
    private static final long BATCH_TIMEOUT_SECONDS = 600;

    private final SimulatorProcess process;
    private final int inputWords;
    private final int outputWords;
    private final int batchCycles;
    private byte[] buffer = new byte[0];

    VerilatorSimulation(VerilatorModel model) {
        this.inputWords = model.layout().inputWords();
        this.outputWords = model.layout().outputWords();
        this.batchCycles = Math.max(1, MAX_REPLY_BYTES / (8 * outputWords));
        this.process = new SimulatorProcess("verilator", List.of(model.executable().toString()),
                model.executable().getParent());
    }

    @Override
    public String tool() {
        return "verilator";
    }

    @Override
    public void run(long[] inputs, long[] outputs, long[] unknown, int cycles) {
        // Verilator is two-state: no bit is ever unknown.
        java.util.Arrays.fill(unknown, 0, cycles * outputWords, 0L);
        for (int done = 0; done < cycles; ) {
            int n = Math.min(batchCycles, cycles - done);
            process.expectWithin(BATCH_TIMEOUT_SECONDS);
            batch(inputs, done * inputWords, outputs, done * outputWords, n, 0);
            process.exchangeDone();
            done += n;
        }
    }

    /**
     * Like {@link #run} but the last cycle stops before its rising edge: its outputs show its inputs
     * against the current state, and the next call starts in that same cycle.
     */
    void runAndSettle(long[] inputs, long[] outputs, int cycles) {
        int done = 0;
        for (; cycles - done > batchCycles; done += batchCycles) {
            process.expectWithin(BATCH_TIMEOUT_SECONDS);
            batch(inputs, done * inputWords, outputs, done * outputWords, batchCycles, 0);
            process.exchangeDone();
        }
        process.expectWithin(BATCH_TIMEOUT_SECONDS);
        batch(inputs, done * inputWords, outputs, done * outputWords, cycles - done, VerilatorHarnessSource.SETTLE_LAST);
        process.exchangeDone();
    }

    private void batch(long[] inputs, int inputOffset, long[] outputs, int outputOffset, int cycles, int flags) {
        ByteBuffer request = ByteBuffer.wrap(bytes(4 + 8 * cycles * inputWords)).order(ByteOrder.LITTLE_ENDIAN);
        request.putInt(cycles | flags);
        request.asLongBuffer().put(inputs, inputOffset, cycles * inputWords);
        try {
            process.toProcess.write(request.array(), 0, 4 + 8 * cycles * inputWords);
            process.toProcess.flush();
        } catch (IOException e) {
            throw process.failure("reading the inputs", e);
        }
        int replyBytes = 8 * cycles * outputWords;
        byte[] reply = bytes(replyBytes);
        try {
            int read = process.fromProcess.readNBytes(reply, 0, replyBytes);
            if (read != replyBytes) {
                throw process.failure("simulating (its output ended after " + read + " of " + replyBytes + " bytes)", null);
            }
        } catch (IOException e) {
            throw process.failure("writing the outputs", e);
        }
        ByteBuffer.wrap(reply, 0, replyBytes).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer()
                .get(outputs, outputOffset, cycles * outputWords);
    }

    private byte[] bytes(int size) {
        if (buffer.length < size) {
            buffer = new byte[size];
        }
        return buffer;
    }

    @Override
    public void close() {
        try {
            process.toProcess.write(new byte[4]);
            process.toProcess.flush();
        } catch (IOException ignored) {
            // The process has already gone; closing it below is all that is left.
        }
        process.close();
    }
}
