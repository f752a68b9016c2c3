package io.streamlake.core.support;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random (version 4, IETF variant) UUIDs, as {@link UUID#randomUUID()} makes them, from the operating system's
 * CSPRNG ({@code /dev/urandom}, read 256 ids at a time into a per-thread buffer), or from a {@link SecureRandom}
 * where there is no {@code /dev/urandom}. {@code UUID.randomUUID()} uses the default {@code SecureRandom}, which on
 * Linux reads {@code /dev/urandom} too but XORs every byte with a SHA-1 stream under a global lock: ingestion ids
 * were 5-9% of the publishing thread's time in the bench. Thread-safe. {@code IdGenerator.randomUuids()} makes
 * ingestion ids from the {@link #shared() shared} instance.
 */
public final class RandomUuids {

    private static final int IDS_PER_REFILL = 256;
    private static final Path URANDOM = Path.of("/dev/urandom");

    /** Declared after {@link #URANDOM}, which its constructor reads. */
    private static final RandomUuids SHARED = new RandomUuids();

    private final SecureRandom random = new SecureRandom();
    private volatile FileChannel urandom = open();
    private final ThreadLocal<Buffer> buffers = ThreadLocal.withInitial(Buffer::new);

    private RandomUuids() {}

    /** The instance every caller shares (one per-thread buffer per thread, one {@code /dev/urandom} channel). */
    public static RandomUuids shared() {
        return SHARED;
    }

    /** A fresh random (version 4) UUID. */
    public UUID next() {
        Buffer b = buffers.get();
        if (b.position == b.bytes.length) {
            fill(b.bytes);
            b.position = 0;
        }
        long msb = read(b.bytes, b.position);
        long lsb = read(b.bytes, b.position + 8);
        b.position += 16;
        msb = (msb & ~0xF000L) | 0x4000L;
        lsb = (lsb & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    private void fill(byte[] bytes) {
        FileChannel channel = urandom;
        if (channel != null) {
            try {
                ByteBuffer target = ByteBuffer.wrap(bytes);
                while (target.hasRemaining()) {
                    if (channel.read(target) < 0) {
                        throw new IOException("end of " + URANDOM);
                    }
                }
                return;
            } catch (IOException e) {
                urandom = null;
            }
        }
        random.nextBytes(bytes);
    }

    private static FileChannel open() {
        try {
            return Files.isReadable(URANDOM) ? FileChannel.open(URANDOM, StandardOpenOption.READ) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Whether the bytes come from {@code /dev/urandom} (else from the {@code SecureRandom}). */
    boolean readsOperatingSystem() {
        return urandom != null;
    }

    private static long read(byte[] bytes, int offset) {
        long value = 0;
        for (int i = offset; i < offset + 8; i++) {
            value = (value << 8) | (bytes[i] & 0xFF);
        }
        return value;
    }

    private static final class Buffer {
        final byte[] bytes = new byte[IDS_PER_REFILL * 16];
        int position = bytes.length;
    }
}
