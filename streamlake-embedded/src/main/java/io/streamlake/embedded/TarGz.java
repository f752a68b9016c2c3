package io.streamlake.embedded;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPInputStream;

/**
 * Extracts a {@code .tar.gz} with the JDK only: ustar and GNU tar headers, GNU long names and pax
 * {@code path} records; regular files and directories (other entry types are skipped). Entries that would
 * land outside the target directory are refused.
 */
final class TarGz {

    private static final int BLOCK = 512;

    private TarGz() {}

    static void extract(Path archive, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        Files.createDirectories(root);
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive)), 64 * 1024)) {
            byte[] header = new byte[BLOCK];
            String longName = null;
            while (readBlock(in, header)) {
                if (isZero(header)) {
                    return;
                }
                long size = octal(header, 124, 12);
                char type = (char) header[156];
                String name = longName != null ? longName : entryName(header);
                longName = null;
                switch (type) {
                    case 'L' -> longName = trimNul(new String(readData(in, size), StandardCharsets.UTF_8));
                    case 'x' -> longName = paxPath(new String(readData(in, size), StandardCharsets.UTF_8));
                    case '5' -> Files.createDirectories(resolve(root, name));
                    case '0', '\0' -> {
                        Path file = resolve(root, name);
                        Files.createDirectories(file.getParent());
                        Files.copy(new Bounded(in, size), file, StandardCopyOption.REPLACE_EXISTING);
                        skipPadding(in, size);
                    }
                    default -> skip(in, padded(size));
                }
            }
        }
    }

    private static Path resolve(Path root, String name) throws IOException {
        Path p = root.resolve(name).normalize();
        if (!p.startsWith(root)) {
            throw new IOException("tar entry escapes the target directory: " + name);
        }
        return p;
    }

    private static String entryName(byte[] header) {
        String name = field(header, 0, 100);
        String magic = field(header, 257, 6);
        String prefix = magic.startsWith("ustar") ? field(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    /** The {@code path} record of a pax extended header, or null. Records are "len key=value\n". */
    private static String paxPath(String records) {
        for (String line : records.split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0 && line.startsWith("path=", space + 1)) {
                return line.substring(space + 1 + "path=".length());
            }
        }
        return null;
    }

    private static long octal(byte[] header, int offset, int length) throws IOException {
        String digits = field(header, offset, length).trim();
        try {
            return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
        } catch (NumberFormatException e) {
            throw new IOException("unsupported tar size field '" + digits + "'", e);
        }
    }

    private static String field(byte[] header, int offset, int length) {
        return trimNul(new String(header, offset, length, StandardCharsets.UTF_8));
    }

    private static String trimNul(String s) {
        int nul = s.indexOf('\0');
        return nul >= 0 ? s.substring(0, nul) : s;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean readBlock(InputStream in, byte[] block) throws IOException {
        int n = in.readNBytes(block, 0, BLOCK);
        if (n == 0) {
            return false;
        }
        if (n < BLOCK) {
            throw new EOFException("truncated tar header");
        }
        return true;
    }

    private static byte[] readData(InputStream in, long size) throws IOException {
        byte[] data = in.readNBytes((int) size);
        if (data.length < size) {
            throw new EOFException("truncated tar entry");
        }
        skipPadding(in, size);
        return data;
    }

    private static long padded(long size) {
        return (size + BLOCK - 1) / BLOCK * BLOCK;
    }

    private static void skipPadding(InputStream in, long size) throws IOException {
        skip(in, padded(size) - size);
    }

    private static void skip(InputStream in, long n) throws IOException {
        in.skipNBytes(n);
    }

    /** A view of the next {@code size} bytes of a stream that does not close it. */
    private static final class Bounded extends InputStream {
        private final InputStream in;
        private long remaining;

        Bounded(InputStream in, long size) {
            this.in = in;
            this.remaining = size;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b < 0) {
                throw new EOFException("truncated tar entry");
            }
            remaining--;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n < 0) {
                throw new EOFException("truncated tar entry");
            }
            remaining -= n;
            return n;
        }
    }
}
