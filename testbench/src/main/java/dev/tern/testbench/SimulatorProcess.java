package dev.tern.testbench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A simulator child process spoken to over its standard input and output; what it prints on standard
 * error goes to a log file that failures quote.
 */
final class SimulatorProcess implements AutoCloseable {
    private final String tool;
    private final Process process;
    private final Path errorLog;
    final OutputStream toProcess;
    final InputStream fromProcess;
    /** When the current exchange must have finished, in System.nanoTime(); 0 when none is under way. */
    private volatile long deadline;
    private volatile boolean timedOut;

    SimulatorProcess(String tool, List<String> command, Path workDir) {
        this.tool = tool;
        try {
            this.errorLog = Files.createTempFile("tern-" + tool, ".log");
            this.process = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectError(errorLog.toFile()).start();
        } catch (IOException e) {
            throw new CosimException(tool + ": cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
        this.toProcess = new BufferedOutputStream(process.getOutputStream(), 1 << 16);
        this.fromProcess = new BufferedInputStream(process.getInputStream(), 1 << 16);
        Thread watchdog = new Thread(this::watch, "tern-" + tool + "-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /** Starts an exchange that must be over within {@code seconds}; a hung simulator is then killed. */
    void expectWithin(long seconds) {
        deadline = System.nanoTime() + seconds * 1_000_000_000L;
    }

    void exchangeDone() {
        deadline = 0;
    }

    boolean timedOut() {
        return timedOut;
    }

    private void watch() {
        while (process.isAlive()) {
            long due = deadline;
            if (due != 0 && System.nanoTime() - due > 0) {
                // Killing the process ends the blocked read or write with end-of-file or an error.
                timedOut = true;
                process.destroyForcibly();
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The next line the process prints, without its end; null when its output has ended. */
    String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = fromProcess.read(); b != '\n'; b = fromProcess.read()) {
            if (b < 0) {
                return null;
            }
            line.append((char) b);
        }
        return line.toString();
    }

    /** A failure of the process, naming what it was doing and quoting its error output. */
    CosimException failure(String doing, Exception cause) {
        String detail = timedOut ? ": it did not answer in time and was stopped" : cause == null ? "" : ": " + cause.getMessage();
        String log = errorOutput();
        String firstLine = log.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        return new CosimException(tool + " failed while " + doing + detail
                + (firstLine.isEmpty() ? "" : " (" + firstLine.strip() + ")"), log);
    }

    String errorOutput() {
        try {
            return Files.exists(errorLog) ? Files.readString(errorLog, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        try {
            toProcess.close();
        } catch (IOException ignored) {
            // The process is ended below either way.
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(errorLog);
        } catch (IOException ignored) {
            // A leftover log in the temporary directory is harmless.
        }
    }
}
