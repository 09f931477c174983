/**
 * Benchmarks of inference backends: {@link dev.tern.bitnet.bench.InferenceBenchmark} times the prefill and
 * the decode of a model with a given {@link dev.tern.bitnet.model.TernaryMatmul} and reports a
 * {@link dev.tern.bitnet.bench.BenchmarkResult} per backend, with the peak heap ({@link dev.tern.bitnet.bench.HeapPeak}).
 *
 * <pre>{@code
 * try (WorkerPool pool = new WorkerPool(2)) {
 *     BenchmarkResult r = new InferenceBenchmark(model, 32, 32).run("reference", new ReferenceTernaryMatmul(pool), pool);
 *     System.out.println(r.decodeTokensPerSecond());
 * }
 * }</pre>
 */
package dev.tern.bitnet.bench;
