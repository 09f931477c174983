package dev.tern.bitnet.tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The regex split that runs before byte-level BPE. Each constant keeps the pattern as the tokenizer files
 * spell it (to recognise it in a Hugging Face {@code tokenizer.json}) and a Java translation in which
 * {@code \s} means the Unicode White_Space property, as it does for the Hugging Face and llama.cpp
 * tokenizers (Java's own {@code \s} is ASCII only), and {@code (?i:...)} stays ASCII-only.
 */
public enum PreTokenizer {
    /** LLaMA 3 ({@code tokenizer.ggml.pre = llama-bpe}): letters with one leading non-letter, numbers in threes. */
    LLAMA3("(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*"
            + "|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+",
            List.of("llama-bpe", "llama3", "llama-v3")),
    /** GPT-2 ({@code tokenizer.ggml.pre = gpt-2}). */
    GPT2("'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+",
            List.of("gpt-2", "gpt2"));

    private final String filePattern;
    private final List<String> ggufNames;
    private final Pattern pattern;

    PreTokenizer(String filePattern, List<String> ggufNames) {
        this.filePattern = filePattern;
        this.ggufNames = ggufNames;
        this.pattern = Pattern.compile(toJava(filePattern));
    }

    /** The regex as tokenizer files spell it. */
    public String filePattern() {
        return filePattern;
    }

    /** The value llama.cpp writes to {@code tokenizer.ggml.pre} for this split. */
    public String ggufName() {
        return ggufNames.get(0);
    }

    public static PreTokenizer fromGgufName(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        for (PreTokenizer p : values()) {
            if (p.ggufNames.contains(key)) {
                return p;
            }
        }
        throw new TokenizerException("unsupported pre-tokenizer '" + name + "' (tokenizer.ggml.pre); supported: "
                + supportedNames());
    }

    /** The constant whose pattern is exactly {@code pattern}, as found in a tokenizer.json Split. */
    public static PreTokenizer fromFilePattern(String pattern) {
        for (PreTokenizer p : values()) {
            if (p.filePattern.equals(pattern)) {
                return p;
            }
        }
        throw new TokenizerException("unsupported pre-tokenizer regex " + pattern + "; supported: " + supportedNames());
    }

    private static String supportedNames() {
        List<String> names = new ArrayList<>();
        for (PreTokenizer p : values()) {
            names.addAll(p.ggufNames);
        }
        return String.join(", ", names);
    }

    /** Splits text into the pieces BPE sees one at a time; the pieces concatenate back to the text. */
    public List<String> split(CharSequence text) {
        List<String> pieces = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                throw new IllegalStateException("pre-tokenizer skipped text at " + end);
            }
            pieces.add(m.group());
            end = m.end();
        }
        if (end != text.length()) {
            throw new IllegalStateException("pre-tokenizer left text at " + end);
        }
        return pieces;
    }

    /** Replaces {@code \s} and {@code \S}, in and out of brackets, by the White_Space property. */
    private static String toJava(String regex) {
        StringBuilder out = new StringBuilder();
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                char next = regex.charAt(++i);
                if (next == 's') {
                    out.append(inClass ? "\\p{IsWhite_Space}" : "[\\p{IsWhite_Space}]");
                } else if (next == 'S') {
                    out.append(inClass ? "\\P{IsWhite_Space}" : "[\\P{IsWhite_Space}]");
                } else {
                    out.append(c).append(next);
                }
                continue;
            }
            if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            }
            out.append(c);
        }
        return out.toString();
    }
}
