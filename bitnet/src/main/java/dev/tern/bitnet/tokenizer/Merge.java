package dev.tern.bitnet.tokenizer;

/** One BPE merge rule: two adjacent symbols that become their concatenation; rank is the position in the list. */
public record Merge(String left, String right) {
    public Merge {
        if (left == null || right == null || left.isEmpty() || right.isEmpty()) {
            throw new TokenizerException("merge with an empty side: '" + left + "' + '" + right + "'");
        }
    }

    /** Parses the {@code "left right"} form of GGUF and older tokenizer.json files (byte-level tokens hold no space). */
    public static Merge parse(String text) {
        int space = text.indexOf(' ');
        if (space <= 0 || space == text.length() - 1 || text.indexOf(' ', space + 1) >= 0) {
            throw new TokenizerException("merge '" + text + "' is not two tokens separated by one space");
        }
        return new Merge(text.substring(0, space), text.substring(space + 1));
    }

    public String merged() {
        return left + right;
    }

    /** The {@code "left right"} form. */
    public String text() {
        return left + " " + right;
    }
}
