package dev.tern.cli;

import java.io.IOException;
import java.nio.file.Path;

/** Writing results, with the one-line error a user needs when the place is not writable. */
final class OutputFiles {
    interface Writer<T> {
        T write() throws IOException;
    }

    private OutputFiles() {
    }

    static <T> T write(Path where, Writer<T> writer) {
        try {
            return writer.write();
        } catch (IOException e) {
            throw new UsageException("cannot write " + where + ": " + describe(e));
        }
    }

    static String describe(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException f) {
            return f.getFile() + " exists and is not a directory";
        }
        if (e instanceof java.nio.file.NoSuchFileException f) {
            return f.getFile() + " does not exist";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
