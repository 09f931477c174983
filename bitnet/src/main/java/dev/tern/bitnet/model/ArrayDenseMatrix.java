package dev.tern.bitnet.model;

import dev.tern.bitnet.tensor.DenseMatrix;

/** A dense matrix held as row-major floats on the heap. */
public final class ArrayDenseMatrix implements DenseMatrix {
    private final int rows;
    private final int cols;
    private final float[] values;

    private ArrayDenseMatrix(int rows, int cols, float[] values) {
        this.rows = rows;
        this.cols = cols;
        this.values = values;
    }

    /** Wraps row-major values; the array is used, not copied. */
    public static ArrayDenseMatrix wrap(int rows, int cols, float[] values) {
        if ((long) rows * cols != values.length) {
            throw new IllegalArgumentException("a " + rows + " x " + cols + " matrix needs " + (long) rows * cols
                    + " values, got " + values.length);
        }
        return new ArrayDenseMatrix(rows, cols, values);
    }

    /** Reads every row of another matrix into the heap. */
    public static ArrayDenseMatrix copyOf(DenseMatrix m) {
        long size = (long) m.rows() * m.cols();
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("matrix too large for the heap: " + m.rows() + " x " + m.cols());
        }
        float[] values = new float[(int) size];
        float[] row = new float[m.cols()];
        for (int r = 0; r < m.rows(); r++) {
            m.copyRow(r, row);
            System.arraycopy(row, 0, values, r * m.cols(), m.cols());
        }
        return new ArrayDenseMatrix(m.rows(), m.cols(), values);
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    @Override
    public float get(int row, int col) {
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException("(" + row + ", " + col + ") outside " + rows + " x " + cols);
        }
        return values[row * cols + col];
    }

    @Override
    public void copyRow(int row, float[] dst) {
        System.arraycopy(values, checkedRowStart(row), dst, 0, cols);
    }

    @Override
    public float dotRow(int row, float[] x) {
        int base = checkedRowStart(row);
        // Four independent sums let the JIT overlap the additions; double keeps the long sums accurate.
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int c = 0;
        for (; c + 3 < cols; c += 4) {
            s0 += values[base + c] * (double) x[c];
            s1 += values[base + c + 1] * (double) x[c + 1];
            s2 += values[base + c + 2] * (double) x[c + 2];
            s3 += values[base + c + 3] * (double) x[c + 3];
        }
        for (; c < cols; c++) {
            s0 += values[base + c] * (double) x[c];
        }
        return (float) ((s0 + s1) + (s2 + s3));
    }

    private int checkedRowStart(int row) {
        if (row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException("row " + row + " outside " + rows + " rows");
        }
        return row * cols;
    }
}
