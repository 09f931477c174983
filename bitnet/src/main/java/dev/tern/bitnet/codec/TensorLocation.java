package dev.tern.bitnet.codec;

/**
 * Where a tensor's bytes come from, for error messages: the file name, the tensor name and the file
 * offset of the tensor's first byte. Codecs report damage relative to it.
 */
public record TensorLocation(String file, String tensor, long dataOffset) {
    public String subject() {
        return "tensor '" + tensor + "'";
    }

    /** An error about the whole tensor. */
    public ModelFormatException error(String problem) {
        return ModelFormatException.of(file, subject(), problem, ModelFormatException.NO_OFFSET);
    }

    /** An error about the byte {@code offsetInTensor} bytes into the tensor's data. */
    public ModelFormatException errorAt(String problem, long offsetInTensor) {
        return ModelFormatException.of(file, subject(), problem, dataOffset + offsetInTensor);
    }
}
