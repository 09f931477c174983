package dev.tern.hdl.ir;

/** Where in the user's Java source a signal was created or assigned: {@code File.java:line}. */
public record SourceLocation(String file, int line) {
    public static final SourceLocation UNKNOWN = new SourceLocation("<unknown>", 0);

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file;
    }
}
