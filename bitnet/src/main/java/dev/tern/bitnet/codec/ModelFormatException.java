package dev.tern.bitnet.codec;

/**
 * A model file (GGUF, safetensors, a shard index) is damaged, lies about its sizes, or holds
 * something this project does not read. The message is one line: the file name, the thing
 * concerned (tensor, metadata key, header field), what was expected and, where it helps, the byte
 * offset in the file, e.g.
 * {@code model.gguf: tensor 'blk.0.attn_q.weight': data [1024, 67584) extends past the end of the file (50000 bytes)}.
 */
public final class ModelFormatException extends RuntimeException {
    public static final long NO_OFFSET = -1;

    public ModelFormatException(String message) {
        super(message);
    }

    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The standard message: {@code file: subject: problem (at offset N)}; {@code subject} may be
     * null when the whole file is concerned, {@code offset} {@link #NO_OFFSET} when no offset helps.
     */
    public static ModelFormatException of(String file, String subject, String problem, long offset) {
        StringBuilder message = new StringBuilder(file).append(": ");
        if (subject != null) {
            message.append(subject).append(": ");
        }
        message.append(problem);
        if (offset >= 0) {
            message.append(" (at offset ").append(offset).append(')');
        }
        return new ModelFormatException(oneLine(message.toString()));
    }

    /** Replaces line breaks, which a message taken from elsewhere (a JSON parser) may carry. */
    public static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
