package dev.tern.cli;

import java.io.PrintStream;

/** Where a command writes: results to standard output, progress and notices to standard error. */
record Terminal(PrintStream out, PrintStream err) {
    static Terminal system() {
        return new Terminal(System.out, System.err);
    }

    void println(String line) {
        out.println(line);
    }

    /** A progress line that overwrites itself on a terminal. */
    void progress(String line) {
        if (System.console() != null) {
            err.print("\r\033[K" + line);
        } else {
            err.println(line);
        }
        err.flush();
    }

    void endProgress() {
        if (System.console() != null) {
            err.println();
        }
    }
}
