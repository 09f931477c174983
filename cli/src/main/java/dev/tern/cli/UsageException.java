package dev.tern.cli;

/** The command line itself is wrong (missing argument, bad value); printed as one line, exit code 2. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
