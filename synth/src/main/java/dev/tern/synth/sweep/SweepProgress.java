package dev.tern.synth.sweep;

/** Called as configurations finish, from the worker threads (implementations synchronise). */
@FunctionalInterface
public interface SweepProgress {
    void finished(SweepPoint point, int done, int total);
}
