package dev.tern.bitnet.tokenizer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the byte-level BPE subset of Hugging Face's {@code tokenizer.json}: a {@code BPE} model
 * without normaliser, a GPT-2 ({@code ByteLevel} with its regex) or LLaMA 3 ({@code Split} regex then
 * {@code ByteLevel}) pre-tokenizer, added tokens, and a {@code TemplateProcessing} post-processor whose
 * leading special token is the BOS it adds. Anything else is rejected with a message naming it.
 */
public final class HuggingFaceTokenizerJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HuggingFaceTokenizerJson() {
    }

    /** Reads a tokenizer.json file; EOS is left unset (-1) because model configs carry it. */
    public static TokenizerSpec read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new TokenizerException(file + ": not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new TokenizerException(file + ": cannot read (" + e.getMessage() + ")");
        }
        return parse(root, file.toString());
    }

    static TokenizerSpec parse(JsonNode root, String source) {
        JsonNode model = root.path("model");
        if (!"BPE".equals(model.path("type").asText())) {
            throw new TokenizerException(source + ": model.type is '" + model.path("type").asText()
                    + "', only BPE is supported");
        }
        if (model.path("byte_fallback").asBoolean(false)) {
            throw new TokenizerException(source + ": model.byte_fallback is set; only byte-level BPE is supported");
        }
        if (!root.path("normalizer").isNull() && !root.path("normalizer").isMissingNode()) {
            throw new TokenizerException(source + ": a normalizer of type '" + root.path("normalizer").path("type").asText()
                    + "' is not supported");
        }
        PreTokenizer pre = preTokenizer(root.path("pre_tokenizer"), source);
        JsonNode vocab = model.path("vocab");
        if (!vocab.isObject()) {
            throw new TokenizerException(source + ": model.vocab is missing");
        }
        int size = 0;
        for (JsonNode id : (Iterable<JsonNode>) vocab::elements) {
            size = Math.max(size, id.asInt() + 1);
        }
        for (JsonNode added : root.path("added_tokens")) {
            size = Math.max(size, added.path("id").asInt() + 1);
        }
        String[] tokens = new String[size];
        TokenType[] types = new TokenType[size];
        for (Iterator<Map.Entry<String, JsonNode>> it = vocab.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            put(tokens, types, e.getValue().asInt(), e.getKey(), TokenType.NORMAL, source);
        }
        for (JsonNode added : root.path("added_tokens")) {
            int id = added.path("id").asInt();
            TokenType type = added.path("special").asBoolean(false) ? TokenType.CONTROL : TokenType.USER_DEFINED;
            tokens[id] = null;
            put(tokens, types, id, added.path("content").asText(), type, source);
        }
        for (int id = 0; id < size; id++) {
            if (tokens[id] == null) {
                throw new TokenizerException(source + ": no token has id " + id);
            }
        }
        List<Merge> merges = new ArrayList<>();
        for (JsonNode m : model.path("merges")) {
            if (m.isArray() && m.size() == 2) {
                merges.add(new Merge(m.get(0).asText(), m.get(1).asText()));
            } else if (m.isTextual()) {
                merges.add(Merge.parse(m.asText()));
            } else {
                throw new TokenizerException(source + ": merge " + merges.size() + " is neither \"a b\" nor [a, b]");
            }
        }
        int bos = bosOf(root.path("post_processor"), Arrays.asList(tokens), source);
        return new TokenizerSpec(Arrays.asList(tokens), Arrays.asList(types), merges, pre, bos, -1, bos >= 0,
                model.path("ignore_merges").asBoolean(false));
    }

    private static void put(String[] tokens, TokenType[] types, int id, String text, TokenType type, String source) {
        if (id < 0) {
            throw new TokenizerException(source + ": token '" + text + "' has negative id " + id);
        }
        if (tokens[id] != null) {
            throw new TokenizerException(source + ": id " + id + " is given to both '" + tokens[id] + "' and '" + text + "'");
        }
        tokens[id] = text;
        types[id] = type;
    }

    private static PreTokenizer preTokenizer(JsonNode node, String source) {
        String type = node.path("type").asText();
        if ("ByteLevel".equals(type)) {
            requireNoPrefixSpace(node, source);
            if (!node.path("use_regex").asBoolean(true)) {
                throw new TokenizerException(source + ": ByteLevel pre_tokenizer without its regex is not supported");
            }
            return PreTokenizer.GPT2;
        }
        if ("Sequence".equals(type)) {
            JsonNode steps = node.path("pretokenizers");
            if (steps.size() == 2 && "Split".equals(steps.get(0).path("type").asText())
                    && "ByteLevel".equals(steps.get(1).path("type").asText())
                    && !steps.get(1).path("use_regex").asBoolean(true)) {
                requireNoPrefixSpace(steps.get(1), source);
                return PreTokenizer.fromFilePattern(steps.get(0).path("pattern").path("Regex").asText());
            }
        }
        throw new TokenizerException(source + ": pre_tokenizer " + node + " is not a supported byte-level split");
    }

    private static void requireNoPrefixSpace(JsonNode byteLevel, String source) {
        if (byteLevel.path("add_prefix_space").asBoolean(false)) {
            throw new TokenizerException(source + ": ByteLevel add_prefix_space is not supported");
        }
    }

    private static int bosOf(JsonNode postProcessor, List<String> tokens, String source) {
        JsonNode template = postProcessor;
        if ("Sequence".equals(postProcessor.path("type").asText())) {
            template = null;
            for (JsonNode p : postProcessor.path("processors")) {
                if ("TemplateProcessing".equals(p.path("type").asText())) {
                    template = p;
                }
            }
        }
        if (template == null || !"TemplateProcessing".equals(template.path("type").asText())) {
            return -1;
        }
        JsonNode first = template.path("single").path(0).path("SpecialToken");
        if (first.isMissingNode()) {
            return -1;
        }
        String name = first.path("id").asText();
        int id = tokens.indexOf(name);
        if (id < 0) {
            throw new TokenizerException(source + ": post_processor adds '" + name + "', which is not a token");
        }
        return id;
    }

    /** Writes {@code spec} as a tokenizer.json that {@link #read} (and Hugging Face tokenizers) accept. */
    public static void write(TokenizerSpec spec, Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        ArrayNode added = root.putArray("added_tokens");
        ObjectNode vocab = JSON.createObjectNode();
        for (int id = 0; id < spec.size(); id++) {
            TokenType type = spec.types().get(id);
            String text = spec.tokens().get(id);
            if (type == TokenType.CONTROL || type == TokenType.USER_DEFINED) {
                ObjectNode t = added.addObject();
                t.put("id", id);
                t.put("content", text);
                t.put("single_word", false);
                t.put("lstrip", false);
                t.put("rstrip", false);
                t.put("normalized", false);
                t.put("special", type == TokenType.CONTROL);
            } else if (type == TokenType.NORMAL) {
                vocab.put(text, id);
            } else {
                throw new TokenizerException("token " + id + " of type " + type + " has no tokenizer.json form");
            }
        }
        root.putNull("normalizer");
        root.set("pre_tokenizer", preTokenizerNode(spec.preTokenizer()));
        root.set("post_processor", postProcessorNode(spec));
        ObjectNode decoder = root.putObject("decoder");
        decoder.put("type", "ByteLevel");
        decoder.put("add_prefix_space", false);
        decoder.put("trim_offsets", true);
        decoder.put("use_regex", true);
        ObjectNode model = root.putObject("model");
        model.put("type", "BPE");
        model.putNull("dropout");
        model.putNull("unk_token");
        model.putNull("continuing_subword_prefix");
        model.putNull("end_of_word_suffix");
        model.put("fuse_unk", false);
        model.put("byte_fallback", false);
        model.put("ignore_merges", spec.ignoreMerges());
        model.set("vocab", vocab);
        ArrayNode merges = model.putArray("merges");
        for (Merge m : spec.merges()) {
            merges.addArray().add(m.left()).add(m.right());
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    }

    private static ObjectNode preTokenizerNode(PreTokenizer pre) {
        ObjectNode byteLevel = JSON.createObjectNode();
        byteLevel.put("type", "ByteLevel");
        byteLevel.put("add_prefix_space", false);
        byteLevel.put("trim_offsets", true);
        if (pre == PreTokenizer.GPT2) {
            byteLevel.put("use_regex", true);
            return byteLevel;
        }
        byteLevel.put("use_regex", false);
        ObjectNode sequence = JSON.createObjectNode();
        sequence.put("type", "Sequence");
        ArrayNode steps = sequence.putArray("pretokenizers");
        ObjectNode split = steps.addObject();
        split.put("type", "Split");
        split.putObject("pattern").put("Regex", pre.filePattern());
        split.put("behavior", "Isolated");
        split.put("invert", false);
        steps.add(byteLevel);
        return sequence;
    }

    private static JsonNode postProcessorNode(TokenizerSpec spec) {
        if (!spec.addBos()) {
            return JSON.nullNode();
        }
        String bos = spec.tokens().get(spec.bosId());
        ObjectNode template = JSON.createObjectNode();
        template.put("type", "TemplateProcessing");
        ArrayNode single = template.putArray("single");
        single.addObject().putObject("SpecialToken").put("id", bos).put("type_id", 0);
        single.addObject().putObject("Sequence").put("id", "A").put("type_id", 0);
        ArrayNode pair = template.putArray("pair");
        pair.addObject().putObject("SpecialToken").put("id", bos).put("type_id", 0);
        pair.addObject().putObject("Sequence").put("id", "A").put("type_id", 0);
        pair.addObject().putObject("SpecialToken").put("id", bos).put("type_id", 1);
        pair.addObject().putObject("Sequence").put("id", "B").put("type_id", 1);
        ObjectNode specials = template.putObject("special_tokens");
        ObjectNode entry = specials.putObject(bos);
        entry.put("id", bos);
        entry.putArray("ids").add(spec.bosId());
        entry.putArray("tokens").add(bos);
        return template;
    }
}
