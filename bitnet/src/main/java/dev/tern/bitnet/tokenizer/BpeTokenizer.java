package dev.tern.bitnet.tokenizer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Byte-level BPE as in GPT-2 and LLaMA 3: added tokens are matched first, the rest is split by the
 * pre-tokenizer, each piece's UTF-8 bytes are spelled with {@link ByteUnicode}, and adjacent symbols are
 * merged lowest rank first (leftmost first among equal ranks) until no merge applies. Thread-safe.
 */
public final class BpeTokenizer {
    /** Cached pieces before the cache is emptied; bounds memory on long, varied input. */
    private static final int PIECE_CACHE_LIMIT = 1 << 16;

    private final TokenizerSpec spec;
    private final Map<String, Integer> idsByText;
    /** (left id, right id) packed in a long, to (rank, merged id) packed in a long. */
    private final Map<Long, Long> mergesByPair;
    private final int[] byteTokens = new int[256];
    private final byte[][] tokenBytes;
    /** Added tokens by their first character, longest first, for matching before BPE. */
    private final Map<Character, List<AddedToken>> addedByFirstChar;
    private final Map<String, int[]> pieceCache = new ConcurrentHashMap<>();

    public BpeTokenizer(TokenizerSpec spec) {
        this.spec = spec;
        this.idsByText = new HashMap<>(spec.size() * 2);
        for (int id = 0; id < spec.size(); id++) {
            // The first id of a duplicated text wins, as in llama.cpp's token-to-id map.
            idsByText.putIfAbsent(spec.tokens().get(id), id);
        }
        for (int b = 0; b < 256; b++) {
            Integer id = idsByText.get(ByteUnicode.ofByte(b));
            byteTokens[b] = id == null ? -1 : id;
        }
        this.mergesByPair = new HashMap<>(spec.merges().size() * 2);
        for (int rank = 0; rank < spec.merges().size(); rank++) {
            Merge merge = spec.merges().get(rank);
            int left = requireToken(merge.left(), rank);
            int right = requireToken(merge.right(), rank);
            int merged = requireToken(merge.merged(), rank);
            mergesByPair.putIfAbsent(pairKey(left, right), ((long) rank << 32) | merged);
        }
        this.tokenBytes = new byte[spec.size()][];
        Map<Character, List<AddedToken>> added = new HashMap<>();
        for (int id = 0; id < spec.size(); id++) {
            String text = spec.tokens().get(id);
            TokenType type = spec.types().get(id);
            tokenBytes[id] = bytesOf(text, type);
            if (!text.isEmpty() && type.matchedBeforeBpe(true)) {
                added.computeIfAbsent(text.charAt(0), c -> new ArrayList<>()).add(new AddedToken(text, id, type));
            }
        }
        for (List<AddedToken> list : added.values()) {
            list.sort(Comparator.comparingInt((AddedToken t) -> t.text().length()).reversed());
        }
        this.addedByFirstChar = Map.copyOf(added);
    }

    private record AddedToken(String text, int id, TokenType type) {
    }

    private int requireToken(String text, int rank) {
        Integer id = idsByText.get(text);
        if (id == null) {
            throw new TokenizerException("merge " + rank + " ('" + spec.merges().get(rank).text()
                    + "') uses '" + text + "', which is not in the vocabulary");
        }
        return id;
    }

    private static long pairKey(int left, int right) {
        return ((long) left << 32) | (right & 0xFFFFFFFFL);
    }

    private static byte[] bytesOf(String text, TokenType type) {
        return switch (type) {
            case NORMAL, UNDEFINED -> ByteUnicode.decode(text);
            case BYTE -> new byte[] {(byte) parseByteToken(text)};
            default -> text.getBytes(StandardCharsets.UTF_8);
        };
    }

    private static int parseByteToken(String text) {
        if (text.length() == 6 && text.startsWith("<0x") && text.endsWith(">")) {
            try {
                return Integer.parseInt(text.substring(3, 5), 16);
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new TokenizerException("byte token '" + text + "' is not of the form <0xNN>");
    }

    public TokenizerSpec spec() {
        return spec;
    }

    public int vocabularySize() {
        return spec.size();
    }

    public int bosId() {
        return spec.bosId();
    }

    public int eosId() {
        return spec.eosId();
    }

    public String tokenText(int id) {
        return spec.tokens().get(id);
    }

    public TokenType tokenType(int id) {
        return spec.types().get(id);
    }

    /** Encodes with the tokenizer's own BOS setting, matching added control tokens only if asked to. */
    public int[] encode(String text) {
        return encode(text, spec.addBos(), false);
    }

    /**
     * Encodes {@code text}. User-defined added tokens are always matched as a whole; control tokens (such as
     * {@code <|begin_of_text|>}) only when {@code parseSpecial} is set.
     */
    public int[] encode(String text, boolean addBos, boolean parseSpecial) {
        IntList ids = new IntList();
        if (addBos) {
            if (spec.bosId() < 0) {
                throw new TokenizerException("asked to add BOS but the tokenizer has none");
            }
            ids.add(spec.bosId());
        }
        int plainStart = 0;
        int i = 0;
        while (i < text.length()) {
            AddedToken added = addedTokenAt(text, i, parseSpecial);
            if (added == null) {
                i++;
                continue;
            }
            encodePlain(text.substring(plainStart, i), ids);
            ids.add(added.id());
            i += added.text().length();
            plainStart = i;
        }
        encodePlain(text.substring(plainStart), ids);
        return ids.toArray();
    }

    private AddedToken addedTokenAt(String text, int at, boolean parseSpecial) {
        List<AddedToken> candidates = addedByFirstChar.get(text.charAt(at));
        if (candidates != null) {
            for (AddedToken t : candidates) {
                if (t.type().matchedBeforeBpe(parseSpecial) && text.startsWith(t.text(), at)) {
                    return t;
                }
            }
        }
        return null;
    }

    private void encodePlain(String text, IntList ids) {
        if (text.isEmpty()) {
            return;
        }
        for (String piece : spec.preTokenizer().split(text)) {
            int[] cached = pieceCache.get(piece);
            if (cached == null) {
                cached = bpe(ByteUnicode.encode(piece.getBytes(StandardCharsets.UTF_8)));
                if (pieceCache.size() >= PIECE_CACHE_LIMIT) {
                    pieceCache.clear();
                }
                pieceCache.put(piece, cached);
            }
            ids.addAll(cached);
        }
    }

    /** BPE of one pre-token, given in byte-level text. */
    private int[] bpe(String symbols) {
        if (spec.ignoreMerges()) {
            Integer whole = idsByText.get(symbols);
            if (whole != null) {
                return new int[] {whole};
            }
        }
        int n = symbols.length();
        int[] id = new int[n];
        int[] next = new int[n];
        int[] prev = new int[n];
        for (int i = 0; i < n; i++) {
            int b = ByteUnicode.byteOf(symbols.charAt(i));
            id[i] = byteTokens[b];
            if (id[i] < 0) {
                throw new TokenizerException("byte 0x" + Integer.toHexString(b) + " has no token in the vocabulary");
            }
            next[i] = i + 1 < n ? i + 1 : -1;
            prev[i] = i - 1;
        }
        // Candidates: rank, left position, and the two ids they were found with (stale entries are skipped).
        PriorityQueue<long[]> queue = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
                : Long.compare(a[1], b[1]));
        for (int i = 0; i + 1 < n; i++) {
            offer(queue, id, i, i + 1);
        }
        boolean[] dead = new boolean[n];
        while (!queue.isEmpty()) {
            long[] top = queue.poll();
            int left = (int) top[1];
            int right = next[left];
            if (dead[left] || right < 0 || id[left] != (int) top[2] || id[right] != (int) top[3]) {
                continue;
            }
            id[left] = (int) top[4];
            dead[right] = true;
            next[left] = next[right];
            if (next[right] >= 0) {
                prev[next[right]] = left;
            }
            if (prev[left] >= 0) {
                offer(queue, id, prev[left], left);
            }
            if (next[left] >= 0) {
                offer(queue, id, left, next[left]);
            }
        }
        IntList out = new IntList();
        for (int i = 0; i >= 0; i = next[i]) {
            out.add(id[i]);
        }
        return out.toArray();
    }

    private void offer(PriorityQueue<long[]> queue, int[] id, int left, int right) {
        Long merge = mergesByPair.get(pairKey(id[left], id[right]));
        if (merge != null) {
            queue.add(new long[] {merge >>> 32, left, id[left], id[right], merge & 0xFFFFFFFFL});
        }
    }

    /** The text of {@code ids}, leaving out control tokens; invalid UTF-8 becomes U+FFFD. */
    public String decode(int[] ids) {
        return new String(decodeBytes(ids, false), StandardCharsets.UTF_8);
    }

    /** The bytes of {@code ids}; control tokens are included as their text when {@code renderControl} is set. */
    public byte[] decodeBytes(int[] ids, boolean renderControl) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int id : ids) {
            byte[] bytes = bytesOf(id, renderControl);
            out.write(bytes, 0, bytes.length);
        }
        return out.toByteArray();
    }

    /** The bytes one token contributes to decoded text (empty for control tokens unless rendered). */
    public byte[] bytesOf(int id, boolean renderControl) {
        if (id < 0 || id >= tokenBytes.length) {
            throw new TokenizerException("token id " + id + " is outside the vocabulary of " + tokenBytes.length);
        }
        TokenType type = spec.types().get(id);
        boolean hidden = (type == TokenType.CONTROL && !renderControl) || type == TokenType.UNUSED;
        return hidden ? new byte[0] : tokenBytes[id];
    }

    /** A growable int array, to avoid boxing in the hot path. */
    private static final class IntList {
        private int[] values = new int[16];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        void addAll(int[] vs) {
            for (int v : vs) {
                add(v);
            }
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
