/**
 * Running a model: prefill and decode with greedy or seeded sampling ({@link dev.tern.bitnet.infer.Generator},
 * {@link dev.tern.bitnet.infer.GenerationOptions}), streaming through a
 * {@link dev.tern.bitnet.infer.GenerationListener}, BitLinear work counters, and
 * {@link dev.tern.bitnet.infer.VerifyingMatmul}, which runs a candidate matmul backend beside the reference and
 * compares every output.
 *
 * <pre>{@code
 * try (WorkerPool pool = new WorkerPool(2)) {
 *     Generator generator = new Generator(model, new ReferenceTernaryMatmul(pool), pool);
 *     Generation g = generator.generate("The keeper", GenerationOptions.greedy(32), listener);
 * }
 * }</pre>
 */
package dev.tern.bitnet.infer;
