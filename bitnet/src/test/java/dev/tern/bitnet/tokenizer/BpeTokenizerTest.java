package dev.tern.bitnet.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tern.bitnet.synth.SyntheticTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BpeTokenizerTest {
    private static final BpeTokenizer TRAINED = new BpeTokenizer(SyntheticTokenizer.create(2048, 1));

    /** Byte tokens, then the given merges' results, then BOS and EOS. */
    private static TokenizerSpec spec(boolean ignoreMerges, List<TokenType> extraTypes, String... merges) {
        List<String> tokens = new ArrayList<>();
        List<TokenType> types = new ArrayList<>();
        for (int b = 0; b < 256; b++) {
            tokens.add(ByteUnicode.ofByte(b));
            types.add(TokenType.NORMAL);
        }
        List<Merge> rules = new ArrayList<>();
        for (String m : merges) {
            Merge merge = Merge.parse(m);
            rules.add(merge);
            if (!tokens.contains(merge.merged())) {
                tokens.add(merge.merged());
                types.add(TokenType.NORMAL);
            }
        }
        tokens.add("<s>");
        types.add(TokenType.CONTROL);
        tokens.add("</s>");
        types.add(TokenType.CONTROL);
        int bos = tokens.size() - 2;
        for (TokenType t : extraTypes) {
            tokens.add("<tool>");
            types.add(t);
        }
        return new TokenizerSpec(tokens, types, rules, PreTokenizer.LLAMA3, bos, bos + 1, true, ignoreMerges);
    }

    @Test
    void mergesApplyLowestRankFirst() {
        // "abc": rank 0 is b+c, so a never meets b.
        BpeTokenizer t = new BpeTokenizer(spec(false, List.of(), "b c", "a b", "a bc"));
        assertArrayEquals(new int[] {258}, t.encode("abc", false, false)); // a + bc
        assertEquals("abc", t.tokenText(258));
    }

    @Test
    void equalRanksMergeLeftmostFirst() {
        BpeTokenizer t = new BpeTokenizer(spec(false, List.of(), "a a"));
        assertArrayEquals(new int[] {256, 'a'}, t.encode("aaa", false, false));
        assertArrayEquals(new int[] {256, 256}, t.encode("aaaa", false, false));
    }

    @Test
    void ignoreMergesTakesAWholeVocabularyWordDirectly() {
        // "abcd" is a token only through a merge that BPE can never reach from "ab"+"cd".
        String[] merges = {"a b", "c d", "b c", "a bc", "abc d"};
        BpeTokenizer strict = new BpeTokenizer(spec(false, List.of(), merges));
        BpeTokenizer direct = new BpeTokenizer(spec(true, List.of(), merges));
        int ab = 256;
        int cd = 257;
        int abcd = 260;
        assertArrayEquals(new int[] {ab, cd}, strict.encode("abcd", false, false));
        assertArrayEquals(new int[] {abcd}, direct.encode("abcd", false, false));
    }

    @Test
    void controlTokensAreTextUnlessParsingSpecialsButUserDefinedAlwaysMatch() {
        BpeTokenizer t = new BpeTokenizer(spec(false, List.of(TokenType.USER_DEFINED)));
        int bos = t.bosId();
        int tool = t.vocabularySize() - 1;
        assertArrayEquals(new int[] {bos, 'x'}, t.encode("<s>x", false, true));
        assertArrayEquals(new int[] {'<', 's', '>', 'x'}, t.encode("<s>x", false, false));
        assertArrayEquals(new int[] {'a', tool, 'b'}, t.encode("a<tool>b", false, false));
        assertEquals("a<tool>b", t.decode(new int[] {bos, 'a', tool, 'b', bos + 1}));
    }

    @Test
    void addBosPutsItFirst() {
        assertEquals(TRAINED.bosId(), TRAINED.encode("hello")[0]);
        assertEquals("hello", TRAINED.decode(TRAINED.encode("hello")));
    }

    @Test
    void randomUnicodeTextRoundTrips() {
        Random random = new Random(2024);
        int[][] ranges = {{0x20, 0x7E}, {0x0A, 0x0A}, {0xA0, 0x24F}, {0x370, 0x3FF}, {0x400, 0x4FF}, {0x4E00, 0x9FFF},
                {0x3040, 0x30FF}, {0xAC00, 0xD7A3}, {0x1F300, 0x1FAFF}, {0x2000, 0x206F}, {0x10000, 0x1FFFF}};
        for (int trial = 0; trial < 300; trial++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                int[] range = ranges[random.nextInt(ranges.length)];
                int cp = range[0] + random.nextInt(range[1] - range[0] + 1);
                if (Character.isDefined(cp) || random.nextBoolean()) {
                    sb.appendCodePoint(cp);
                }
            }
            String text = sb.toString();
            int[] ids = TRAINED.encode(text, false, false);
            assertEquals(text, TRAINED.decode(ids), "round trip of " + text.codePoints().count() + " code points");
        }
    }

    @Test
    void englishTextUsesFewerTokensThanBytes() {
        String text = "The keeper climbed the stairs of the lighthouse and wrote in her logbook.";
        int[] ids = TRAINED.encode(text, false, false);
        assertEquals(text, TRAINED.decode(ids));
        org.junit.jupiter.api.Assertions.assertTrue(ids.length < text.length() / 2,
                ids.length + " tokens for " + text.length() + " bytes");
    }

    @Test
    void emojiAndCjkRoundTrip() {
        String text = "ternary 三进制 🧮👩‍💻 — naïve café\n\tend";
        assertEquals(text, TRAINED.decode(TRAINED.encode(text, false, false)));
    }

    @Test
    void mergeOfUnknownTokenIsRejectedWithItsRank() {
        List<String> tokens = new ArrayList<>();
        List<TokenType> types = new ArrayList<>();
        for (int b = 0; b < 256; b++) {
            tokens.add(ByteUnicode.ofByte(b));
            types.add(TokenType.NORMAL);
        }
        TokenizerSpec s = new TokenizerSpec(tokens, types, List.of(Merge.parse("a b")), PreTokenizer.LLAMA3, -1, -1,
                false, false);
        TokenizerException e = assertThrows(TokenizerException.class, () -> new BpeTokenizer(s));
        assertEquals("merge 0 ('a b') uses 'ab', which is not in the vocabulary", e.getMessage());
    }
}
