package dev.tern.bitnet.gguf;

import dev.tern.bitnet.tensor.BufferDenseMatrix;
import dev.tern.bitnet.tensor.Half;
import dev.tern.bitnet.tensor.TernaryWeight;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tiny BitNet model written by llama.cpp's own tools (gguf-py, llama-quantize) in F16, TQ2_0
 * and TQ1_0: what llama.cpp wrote, this reader must read, with identical weights in all three.
 */
class LlamaCppFixtureTest {
    private static final String[] PROJECTIONS = {
        "attn_q", "attn_k", "attn_v", "attn_output", "ffn_gate", "ffn_up", "ffn_down"};

    private static GgufFile f16;
    private static GgufFile tq2;
    private static GgufFile tq1;

    @BeforeAll
    static void open() throws IOException {
        f16 = GgufReader.open(Fixtures.tiny("f16"));
        tq2 = GgufReader.open(Fixtures.tiny("tq2_0"));
        tq1 = GgufReader.open(Fixtures.tiny("tq1_0"));
    }

    @AfterAll
    static void close() throws IOException {
        f16.close();
        tq2.close();
        tq1.close();
    }

    private static List<String> bitLinearTensors() {
        List<String> names = new ArrayList<>();
        for (int layer = 0; layer < 2; layer++) {
            for (String projection : PROJECTIONS) {
                names.add("blk." + layer + "." + projection + ".weight");
            }
        }
        return names;
    }

    @Test
    void allThreeFilesOpenWithTheSameTensorNamesAndShapes() {
        for (GgufFile file : List.of(f16, tq2, tq1)) {
            assertEquals(3, file.version());
            assertEquals(32, file.alignment());
            assertEquals(24, file.tensors().size(), file.fileName());
            for (int i = 0; i < 24; i++) {
                GgufTensorInfo expected = tq2.tensors().get(i);
                GgufTensorInfo actual = file.tensors().get(i);
                assertEquals(expected.name(), actual.name());
                assertArrayEquals(expected.dimensions(), actual.dimensions());
            }
        }
        assertEquals(GgmlType.TQ2_0, tq2.tensor("blk.0.attn_q.weight").type());
        assertEquals(GgmlType.TQ1_0, tq1.tensor("blk.0.attn_q.weight").type());
        assertEquals(GgmlType.F16, f16.tensor("blk.0.attn_q.weight").type());
        assertArrayEquals(new long[] {256, 512}, tq2.tensor("blk.1.ffn_gate.weight").dimensions());
    }

    @Test
    void everyTensorDecodes() {
        for (GgufFile file : List.of(f16, tq2, tq1)) {
            for (GgufTensorInfo tensor : file.tensors()) {
                if (tensor.type().ternaryCodec().isPresent() || bitLinearTensors().contains(tensor.name())) {
                    TernaryWeight weight = file.ternary(tensor.name());
                    assertEquals(tensor.rowCount(), weight.outFeatures());
                    assertEquals(tensor.rowLength(), weight.inFeatures());
                    assertTrue(weight.scale() > 0, tensor.name());
                } else {
                    BufferDenseMatrix dense = file.dense(tensor.name());
                    float[] row = new float[dense.cols()];
                    for (int r = 0; r < dense.rows(); r++) {
                        dense.copyRow(r, row);
                        for (float value : row) {
                            assertTrue(Float.isFinite(value), tensor.name());
                        }
                    }
                }
            }
        }
    }

    @Test
    void tq2AndTq1HoldIdenticalTritsAndScales() {
        for (String name : bitLinearTensors()) {
            TernaryWeight fromTq2 = tq2.ternary(name);
            TernaryWeight fromTq1 = tq1.ternary(name);
            assertEquals(fromTq2.matrix(), fromTq1.matrix(), name);
            assertEquals(fromTq2.scale(), fromTq1.scale(), name);
        }
    }

    @Test
    void f16HoldsTheSameTritsTimesTheFp16RoundedScale() {
        for (String name : bitLinearTensors()) {
            TernaryWeight fromF16 = f16.ternary(name);
            TernaryWeight fromTq2 = tq2.ternary(name);
            assertEquals(fromTq2.matrix(), fromF16.matrix(), name);
            assertEquals(Half.round(fromF16.scale()), fromF16.scale(), name);
            assertEquals(fromTq2.scale(), fromF16.scale(), name);
        }
    }

    @Test
    void weightsAreNotTrivial() {
        TernaryWeight q = tq2.ternary("blk.0.attn_q.weight");
        int[] counts = new int[3];
        for (int r = 0; r < q.outFeatures(); r++) {
            for (int c = 0; c < q.inFeatures(); c++) {
                counts[q.matrix().trit(r, c) + 1]++;
            }
        }
        for (int count : counts) {
            assertTrue(count > q.outFeatures() * q.inFeatures() / 10, "every trit value is common");
        }
    }

    @Test
    void denseTensorsAreTheSameInAllThreeFiles() {
        for (GgufTensorInfo tensor : tq2.tensors()) {
            if (bitLinearTensors().contains(tensor.name())) {
                continue;
            }
            BufferDenseMatrix expected = tq2.dense(tensor.name());
            for (GgufFile file : List.of(f16, tq1)) {
                assertEquals(tensor.type(), file.tensor(tensor.name()).type());
                assertEquals(expected.bytes(), file.dense(tensor.name()).bytes(), tensor.name());
            }
        }
        assertEquals(GgmlType.F16, tq2.tensor("token_embd.weight").type());
        BufferDenseMatrix norm = tq2.dense("output_norm.weight");
        assertEquals(1, norm.rows());
        assertEquals(256, norm.cols());
    }

    @Test
    void bitnetArchitectureKeysRead() {
        for (GgufFile file : List.of(f16, tq2, tq1)) {
            GgufMetadata m = file.metadata();
            assertEquals("bitnet", m.getString("general.architecture"));
            assertEquals(256, m.getInt("bitnet.embedding_length"));
            assertEquals(2, m.getInt("bitnet.block_count"));
            assertEquals(512, m.getInt("bitnet.feed_forward_length"));
            assertEquals(4, m.getInt("bitnet.attention.head_count"));
            assertEquals(2, m.getInt("bitnet.attention.head_count_kv"));
            assertEquals(64, m.getInt("bitnet.rope.dimension_count"));
            assertEquals(256, m.getInt("bitnet.context_length"));
            assertEquals(378, m.getInt("bitnet.vocab_size"));
            assertEquals(10000f, m.getFloat("bitnet.rope.freq_base"));
            assertEquals(1e-5f, m.getFloat("bitnet.attention.layer_norm_rms_epsilon"));
            assertEquals(GgufValueType.UINT32, m.get("bitnet.block_count").type());
        }
        assertEquals(1, f16.metadata().getInt("general.file_type"));
        assertEquals(36, tq1.metadata().getInt("general.file_type"));
        assertEquals(37, tq2.metadata().getInt("general.file_type"));
    }

    @Test
    void tokenizerKeysRead() {
        GgufMetadata m = tq2.metadata();
        assertEquals("gpt2", m.getString("tokenizer.ggml.model"));
        assertEquals("llama-bpe", m.getString("tokenizer.ggml.pre"));
        List<String> tokens = m.getStringArray("tokenizer.ggml.tokens");
        assertEquals(378, tokens.size());
        assertEquals("Ā", tokens.get(0));
        assertEquals("<|begin_of_text|>", tokens.get(376));
        assertEquals("<|end_of_text|>", tokens.get(377));
        int[] types = m.getIntArray("tokenizer.ggml.token_type");
        assertEquals(378, types.length);
        assertEquals(1, types[0]);
        List<String> merges = m.getStringArray("tokenizer.ggml.merges");
        assertEquals(120, merges.size());
        assertEquals("Ġ t", merges.get(0));
        assertEquals(376, m.getInt("tokenizer.ggml.bos_token_id"));
        assertEquals(377, m.getInt("tokenizer.ggml.eos_token_id"));
        assertTrue(m.getBoolean("tokenizer.ggml.add_bos_token"));
        assertFalse(m.has("tokenizer.ggml.scores"));
    }
}
