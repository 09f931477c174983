package dev.tern.bitnet.codec;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A model file opened for memory-mapped reading. Files may be many GiB; a mapping is made per
 * region (a header, one tensor), each below 2 GiB, which is the limit of one Java buffer.
 * Buffers handed out stay valid after {@link #close} (the JVM unmaps them when they are no longer
 * referenced); only new mappings are refused.
 */
public final class MappedFile implements Closeable {
    /** The largest region one mapping (one Java buffer) can cover. */
    public static final long MAX_REGION = Integer.MAX_VALUE;

    private final Path path;
    private final String name;
    private final FileChannel channel;
    private final long size;

    private MappedFile(Path path, FileChannel channel, long size) {
        this.path = path;
        this.name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        this.channel = channel;
        this.size = size;
    }

    /** Opens {@code path} for reading; a missing or unreadable file is an {@link IOException}. */
    public static MappedFile open(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            return new MappedFile(path, channel, channel.size());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    /** The file name, as error messages show it. */
    public String name() {
        return name;
    }

    public long size() {
        return size;
    }

    /**
     * A read-only little-endian view of {@code [offset, offset + length)}. The caller has checked
     * the region against the file's structure; this still refuses regions outside the file or
     * longer than {@link #MAX_REGION}, naming {@code subject}.
     */
    public ByteBuffer map(long offset, long length, String subject) {
        if (offset < 0 || length < 0 || offset > size || length > size - offset) {
            throw ModelFormatException.of(name, subject, "region [" + offset + ", " + (offset + length)
                    + ") is outside the file (" + size + " bytes)", offset);
        }
        if (length > MAX_REGION) {
            throw ModelFormatException.of(name, subject, length + " bytes do not fit one buffer (at most "
                    + MAX_REGION + ")", offset);
        }
        if (!channel.isOpen()) {
            throw new IllegalStateException(name + " is closed");
        }
        try {
            return channel.map(FileChannel.MapMode.READ_ONLY, offset, length).order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot map " + subject, e);
        }
    }

    /** A read-only view of the file's first bytes, up to {@link #MAX_REGION}, for header parsing. */
    public ByteBuffer mapHeaderWindow() {
        return map(0, Math.min(size, MAX_REGION), "header");
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
