package dev.tern.cli;

import dev.tern.bitnet.backend.AcceleratorMatmul;
import dev.tern.bitnet.infer.ForwardingGenerationListener;
import dev.tern.bitnet.infer.GenerationListener;

import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Tells on standard error how far a slow hardware-backed generation has got: a large model's token
 * takes minutes in simulation, with no text to show for it. Quiet while tokens arrive more often than
 * every {@link #QUIET_SECONDS}, so the streamed text of a fast run is not broken up. Passes every
 * event on to the listener it wraps.
 */
final class SimulationProgress extends ForwardingGenerationListener implements AutoCloseable {
    static final int QUIET_SECONDS = 10;

    private final AcceleratorMatmul accelerator;
    private final Terminal terminal;
    private final ScheduledExecutorService timer;
    private final long started = System.nanoTime();
    private volatile long lastEvent = started;
    private long lastCycles;
    private long lastReport = started;

    SimulationProgress(AcceleratorMatmul accelerator, GenerationListener next, Terminal terminal) {
        super(next);
        this.accelerator = accelerator;
        this.terminal = terminal;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tern-simulation-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::report, QUIET_SECONDS, QUIET_SECONDS, TimeUnit.SECONDS);
    }

    private void report() {
        long now = System.nanoTime();
        long cycles = accelerator.totalCycles();
        if (now - lastEvent >= TimeUnit.SECONDS.toNanos(QUIET_SECONDS)) {
            terminal.err().println(String.format(Locale.ROOT, "  simulating: %,d cycles in %.0f s, %,.0f cycles/s",
                    cycles, (now - started) / 1e9, (cycles - lastCycles) * 1e9 / Math.max(1, now - lastReport)));
        }
        lastCycles = cycles;
        lastReport = now;
    }

    @Override
    public void onPromptTokens(int[] tokens) {
        lastEvent = System.nanoTime();
        super.onPromptTokens(tokens);
    }

    @Override
    public void onPrefillDone(int promptTokens, long nanos) {
        lastEvent = System.nanoTime();
        super.onPrefillDone(promptTokens, nanos);
    }

    @Override
    public void onToken(int step, int maxNewTokens, int token, String text) {
        lastEvent = System.nanoTime();
        super.onToken(step, maxNewTokens, token, text);
    }


    @Override
    public void close() {
        timer.shutdownNow();
    }
}
