package dev.tern.bitnet.tokenizer;

import java.util.List;

/**
 * Everything that defines a byte-level BPE tokenizer, as plain lists, so that it can come from GGUF
 * metadata ({@code tokenizer.ggml.*}), from a Hugging Face {@code tokenizer.json}, or from a generator.
 *
 * @param tokens       token text by id (byte-level text for normal tokens)
 * @param types        token type by id
 * @param merges       merge rules, highest priority first
 * @param preTokenizer the regex split before BPE
 * @param bosId        beginning-of-sequence id, or -1
 * @param eosId        end-of-sequence id, or -1
 * @param addBos       whether encoding prepends BOS by default
 * @param ignoreMerges whether a pre-token that is itself a vocabulary entry becomes that token without BPE
 *                     (LLaMA 3 tokenizers do this; it can differ from applying the merges)
 */
public record TokenizerSpec(
        List<String> tokens,
        List<TokenType> types,
        List<Merge> merges,
        PreTokenizer preTokenizer,
        int bosId,
        int eosId,
        boolean addBos,
        boolean ignoreMerges) {

    public TokenizerSpec {
        tokens = List.copyOf(tokens);
        types = List.copyOf(types);
        merges = List.copyOf(merges);
        if (tokens.size() != types.size()) {
            throw new TokenizerException(tokens.size() + " tokens but " + types.size() + " token types");
        }
        if (preTokenizer == null) {
            throw new TokenizerException("tokenizer without a pre-tokenizer");
        }
        checkSpecialId("BOS", bosId, tokens.size());
        checkSpecialId("EOS", eosId, tokens.size());
        if (addBos && bosId < 0) {
            throw new TokenizerException("tokenizer asks to add BOS but has no BOS token");
        }
    }

    private static void checkSpecialId(String what, int id, int size) {
        if (id < -1 || id >= size) {
            throw new TokenizerException(what + " token id " + id + " is outside the vocabulary of " + size);
        }
    }

    public int size() {
        return tokens.size();
    }

    /** The same tokenizer with other BOS/EOS ids (model configs name them apart from tokenizer.json). */
    public TokenizerSpec withSpecialIds(int bos, int eos) {
        return new TokenizerSpec(tokens, types, merges, preTokenizer, bos, eos, addBos && bos >= 0, ignoreMerges);
    }
}
