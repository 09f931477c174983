package dev.tern.energy.workload;

/** One ternary projection of a layer ({@code q}, {@code k}, ..., {@code down}) and its shape. */
public record BitLinear(String name, MatmulShape shape) {
}
