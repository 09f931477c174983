package dev.tern.bitnet.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Learns byte-level BPE merges from text, deterministically: words come from the pre-tokenizer, and each
 * step merges the adjacent pair that occurs most often (ties go to the pair whose concatenation sorts
 * first), until the requested number of merges is reached or no pair occurs twice.
 */
public final class BpeTrainer {
    private BpeTrainer() {
    }

    /** Up to {@code maxMerges} merges learned from {@code text}, best first. */
    public static List<Merge> train(String text, PreTokenizer preTokenizer, int maxMerges) {
        Map<String, Integer> wordCounts = new LinkedHashMap<>();
        for (String piece : preTokenizer.split(text)) {
            wordCounts.merge(ByteUnicode.encode(piece.getBytes(StandardCharsets.UTF_8)), 1, Integer::sum);
        }
        List<List<String>> words = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (Map.Entry<String, Integer> e : wordCounts.entrySet()) {
            List<String> symbols = new ArrayList<>();
            e.getKey().codePoints().forEach(cp -> symbols.add(new String(Character.toChars(cp))));
            words.add(symbols);
            counts.add(e.getValue());
        }
        List<Merge> merges = new ArrayList<>();
        while (merges.size() < maxMerges) {
            Merge best = mostFrequentPair(words, counts);
            if (best == null) {
                break;
            }
            merges.add(best);
            for (List<String> word : words) {
                apply(best, word);
            }
        }
        return merges;
    }

    private static Merge mostFrequentPair(List<List<String>> words, List<Integer> counts) {
        Map<Merge, Integer> pairCounts = new HashMap<>();
        for (int w = 0; w < words.size(); w++) {
            List<String> word = words.get(w);
            for (int i = 0; i + 1 < word.size(); i++) {
                pairCounts.merge(new Merge(word.get(i), word.get(i + 1)), counts.get(w), Integer::sum);
            }
        }
        Merge best = null;
        int bestCount = 1;
        for (Map.Entry<Merge, Integer> e : pairCounts.entrySet()) {
            int count = e.getValue();
            if (count > bestCount || (count == bestCount && best != null && precedes(e.getKey(), best))) {
                best = e.getKey();
                bestCount = count;
            }
        }
        return best;
    }

    private static boolean precedes(Merge a, Merge b) {
        int byText = a.merged().compareTo(b.merged());
        return byText != 0 ? byText < 0 : a.left().compareTo(b.left()) < 0;
    }

    private static void apply(Merge merge, List<String> word) {
        for (int i = 0; i + 1 < word.size(); i++) {
            if (word.get(i).equals(merge.left()) && word.get(i + 1).equals(merge.right())) {
                word.set(i, merge.merged());
                word.remove(i + 1);
            }
        }
    }
}
