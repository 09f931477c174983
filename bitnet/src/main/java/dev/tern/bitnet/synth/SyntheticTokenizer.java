package dev.tern.bitnet.synth;

import dev.tern.bitnet.tokenizer.BpeTrainer;
import dev.tern.bitnet.tokenizer.ByteUnicode;
import dev.tern.bitnet.tokenizer.Merge;
import dev.tern.bitnet.tokenizer.PreTokenizer;
import dev.tern.bitnet.tokenizer.TokenType;
import dev.tern.bitnet.tokenizer.TokenizerSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A real LLaMA-3-style byte-level BPE tokenizer of any size: the 256 byte tokens in byte order, merges
 * learned from a built-in English text, further merges generated from the seed (word pieces extended by
 * one letter) when the text runs out, and {@code <|begin_of_text|>} / {@code <|end_of_text|>} last.
 */
public final class SyntheticTokenizer {
    public static final String BOS = "<|begin_of_text|>";
    public static final String EOS = "<|end_of_text|>";
    private static final String CORPUS = "corpus.txt";
    private static final int SPECIALS = 2;

    private SyntheticTokenizer() {
    }

    /** The built-in English text the merges are learned from. */
    public static String corpus() {
        try (InputStream in = SyntheticTokenizer.class.getResourceAsStream(CORPUS)) {
            if (in == null) {
                throw new IllegalStateException("resource " + CORPUS + " is missing from the bitnet module");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A tokenizer of exactly {@code vocab} tokens (at least 258). */
    public static TokenizerSpec create(int vocab, long seed) {
        if (vocab < 256 + SPECIALS) {
            throw new IllegalArgumentException("a byte-level vocabulary needs at least " + (256 + SPECIALS)
                    + " tokens, asked for " + vocab);
        }
        int wanted = vocab - SPECIALS;
        List<String> tokens = new ArrayList<>(vocab);
        Set<String> known = new HashSet<>();
        for (int b = 0; b < 256; b++) {
            tokens.add(ByteUnicode.ofByte(b));
            known.add(tokens.get(b));
        }
        List<Merge> merges = new ArrayList<>();
        for (Merge m : BpeTrainer.train(corpus(), PreTokenizer.LLAMA3, wanted - 256)) {
            if (tokens.size() == wanted) {
                break;
            }
            merges.add(m);
            if (known.add(m.merged())) {
                tokens.add(m.merged());
            }
        }
        extendWithGeneratedMerges(tokens, known, merges, wanted, seed);
        List<TokenType> types = new ArrayList<>(vocab);
        for (int i = 0; i < wanted; i++) {
            types.add(TokenType.NORMAL);
        }
        tokens.add(BOS);
        types.add(TokenType.CONTROL);
        tokens.add(EOS);
        types.add(TokenType.CONTROL);
        return new TokenizerSpec(tokens, types, merges, PreTokenizer.LLAMA3, wanted, wanted + 1, true, true);
    }

    /**
     * Whether token {@code id} is printable text by itself: a normal token whose bytes are ASCII letters,
     * digits, punctuation, spaces or newlines. Lone bytes of multi-byte characters and control bytes are not.
     */
    public static boolean isReadable(TokenizerSpec spec, int id) {
        if (spec.types().get(id) != TokenType.NORMAL) {
            return false;
        }
        for (byte b : ByteUnicode.decode(spec.tokens().get(id))) {
            if (!(b == '\n' || (b >= ' ' && b < 0x7F))) {
                return false;
            }
        }
        return true;
    }

    /** Word pieces ({@code Ġ?[a-z]+}) grown by one lowercase letter, chosen by the seed, until the size is reached. */
    private static void extendWithGeneratedMerges(List<String> tokens, Set<String> known, List<Merge> merges,
            int wanted, long seed) {
        List<String> pieces = new ArrayList<>();
        for (String t : tokens) {
            if (t.matches("Ġ?[a-z]+")) {
                pieces.add(t);
            }
        }
        SplitMix64 random = new SplitMix64(SplitMix64.derive(seed, 0x70C3));
        while (tokens.size() < wanted) {
            String left = pieces.get(random.nextInt(pieces.size()));
            String right = String.valueOf((char) ('a' + random.nextInt(26)));
            String merged = left + right;
            if (known.add(merged)) {
                merges.add(new Merge(left, right));
                tokens.add(merged);
                pieces.add(merged);
            }
        }
    }
}
