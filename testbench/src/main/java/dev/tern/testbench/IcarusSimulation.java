package dev.tern.testbench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A running {@code vvp} of an {@link IcarusModel}, spoken to in its hex text protocol. */
final class IcarusSimulation implements VerilogSimulation {
    private static final int MAX_REPLY_BYTES = 1 << 15;
    /** A batch is at most a few thousand cycles; a simulator silent for this long has hung. */
    private static final long BATCH_TIMEOUT_SECONDS = 600;

    private final SimulatorProcess process;
    private final int inputWords;
    private final int outputWords;
    private final int batchCycles;

    IcarusSimulation(IcarusModel model) {
        this.inputWords = model.layout().inputWords();
        this.outputWords = model.layout().outputWords();
        this.batchCycles = Math.max(1, MAX_REPLY_BYTES / (16 * outputWords + 1));
        this.process = new SimulatorProcess("icarus", List.of("vvp", "-n", model.compiled().toString()),
                model.compiled().getParent());
    }

    @Override
    public String tool() {
        return "icarus";
    }

    @Override
    public void run(long[] inputs, long[] outputs, long[] unknown, int cycles) {
        for (int done = 0; done < cycles; ) {
            int n = Math.min(batchCycles, cycles - done);
            process.expectWithin(BATCH_TIMEOUT_SECONDS);
            batch(inputs, done * inputWords, outputs, unknown, done * outputWords, n);
            process.exchangeDone();
            done += n;
        }
    }

    private void batch(long[] inputs, int inputOffset, long[] outputs, long[] unknown, int outputOffset, int cycles) {
        StringBuilder request = new StringBuilder(cycles * (16 * inputWords + 1) + 12);
        request.append(cycles).append('\n');
        for (int c = 0; c < cycles; c++) {
            int base = inputOffset + c * inputWords;
            for (int w = inputWords - 1; w >= 0; w--) {
                String hex = Long.toHexString(inputs[base + w]);
                request.append("0".repeat(16 - hex.length())).append(hex);
            }
            request.append('\n');
        }
        try {
            process.toProcess.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            process.toProcess.flush();
        } catch (IOException e) {
            throw process.failure("reading the inputs", e);
        }
        for (int c = 0; c < cycles; c++) {
            String line = readLine();
            if (line == null) {
                throw process.failure("simulating (its output ended)", null);
            }
            parse(line, outputs, unknown, outputOffset + c * outputWords);
        }
    }

    private String readLine() {
        try {
            return process.readLine();
        } catch (IOException e) {
            throw process.failure("writing the outputs", e);
        }
    }

    private void parse(String line, long[] outputs, long[] unknown, int offset) {
        if (line.length() != 16 * outputWords) {
            throw new CosimException("icarus printed an output bus of " + line.length() + " hex digits, expected "
                    + 16 * outputWords + ": " + abbreviate(line));
        }
        for (int w = 0; w < outputWords; w++) {
            long value = 0;
            long unknownBits = 0;
            for (int i = line.length() - 16 * (w + 1); i < line.length() - 16 * w; i++) {
                char digit = line.charAt(i);
                int nibble = Character.digit(digit, 16);
                value <<= 4;
                unknownBits <<= 4;
                if (nibble >= 0) {
                    value |= nibble;
                } else if ("xXzZ".indexOf(digit) >= 0) {
                    // Icarus prints a hex digit with some unknown bits as upper case X or Z, all unknown as x or z.
                    unknownBits |= 0xF;
                } else {
                    throw new CosimException("icarus printed '" + digit + "' in an output bus: " + abbreviate(line));
                }
            }
            outputs[offset + w] = value;
            unknown[offset + w] = unknownBits;
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    @Override
    public void close() {
        try {
            process.toProcess.write("0\n".getBytes(StandardCharsets.US_ASCII));
            process.toProcess.flush();
        } catch (IOException ignored) {
            // The process has already gone; closing it below is all that is left.
        }
        process.close();
    }
}
