package dev.tern.cli;

import dev.tern.bitnet.model.BitNetGgufLoader;
import dev.tern.bitnet.model.BitNetModel;

import java.io.IOException;
import java.nio.file.Path;

/** Opening a model file the user names. */
final class ModelFiles {
    private ModelFiles() {
    }

    static BitNetModel load(Path path) throws IOException {
        return BitNetGgufLoader.load(path);
    }
}
