/**
 * Activity gathered from a running simulation for power estimates: per-bit toggle counts of named
 * signals ({@link dev.tern.sim.activity.ToggleCounter}), written as SAIF for external power tools
 * ({@link dev.tern.sim.activity.SaifWriter}), and the register loads and memory port accesses each
 * rising edge performs ({@link dev.tern.sim.activity.StateWriteCounter}). All are
 * {@link dev.tern.sim.CycleObserver}s, sampling where the rising edge samples.
 */
package dev.tern.sim.activity;
