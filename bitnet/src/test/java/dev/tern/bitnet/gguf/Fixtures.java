package dev.tern.bitnet.gguf;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Test resources under {@code src/test/resources}. */
final class Fixtures {
    static final String TINY = "/fixtures/llamacpp-bitnet-tiny/";

    private Fixtures() {
    }

    static Path resource(String name) {
        URL url = Fixtures.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("missing test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path tiny(String type) {
        return resource(TINY + "tiny-" + type + ".gguf");
    }
}
