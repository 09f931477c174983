package dev.tern.energy.workload;

/** A matrix-vector product's shape: {@code out} rows of {@code in} weights each. */
public record MatmulShape(int out, int in) {

    public MatmulShape {
        if (out <= 0 || in <= 0) {
            throw new IllegalArgumentException("matmul dimensions must be positive: " + out + " x " + in);
        }
    }

    public long weights() {
        return (long) out * in;
    }

    @Override
    public String toString() {
        return out + "x" + in;
    }
}
