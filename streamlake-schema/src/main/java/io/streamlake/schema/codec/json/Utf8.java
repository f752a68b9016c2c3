package io.streamlake.schema.codec.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * A strict UTF-8 check (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF) that also
 * refuses what would make a JSON parser guess another encoding: a byte order mark and NUL bytes (which
 * UTF-16 and UTF-32 text is full of, and which JSON never allows unescaped).
 */
final class Utf8 {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8() {}

    /** Why {@code bytes} are not acceptable UTF-8 JSON text, naming the byte offset; empty when they are. */
    static Optional<String> problem(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return Optional.of("payload starts with a UTF-8 byte order mark (EF BB BF); send UTF-8 JSON without a BOM");
        }
        int i = 0;
        int n = bytes.length;
        while (i < n) {
            if (i + Long.BYTES <= n && plainAscii((long) LONGS.get(bytes, i))) {
                i += Long.BYTES;
                continue;
            }
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return Optional.of("NUL byte at byte offset " + i
                        + " (payloads must be UTF-8 JSON; UTF-16 and UTF-32 are not accepted)");
            }
            if (b < 0x80) {
                i++;
                continue;
            }
            int length;
            int min;
            if (b >= 0xC2 && b <= 0xDF) {
                length = 2;
                min = 0x80;
            } else if (b >= 0xE0 && b <= 0xEF) {
                length = 3;
                min = 0x800;
            } else if (b >= 0xF0 && b <= 0xF4) {
                length = 4;
                min = 0x10000;
            } else {
                return invalid(i, b);
            }
            if (i + length > n) {
                return Optional.of("invalid UTF-8: truncated multi-byte sequence at byte offset " + i);
            }
            int cp = b & (0xFF >> (length + 1));
            for (int k = 1; k < length; k++) {
                int c = bytes[i + k] & 0xFF;
                if ((c & 0xC0) != 0x80) {
                    return invalid(i + k, c);
                }
                cp = (cp << 6) | (c & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return Optional.of("invalid UTF-8: illegal sequence encoding U+"
                        + Integer.toHexString(cp).toUpperCase() + " at byte offset " + i);
            }
            i += length;
        }
        return Optional.empty();
    }

    /** True when none of the word's eight bytes is NUL or at least 0x80 (the common case, skipped 8 at a time). */
    private static boolean plainAscii(long word) {
        long zeroBytes = (word - LOW_BITS) & ~word & HIGH_BITS;
        return ((word & HIGH_BITS) | zeroBytes) == 0;
    }

    private static Optional<String> invalid(int offset, int b) {
        return Optional.of(String.format("invalid UTF-8: unexpected byte 0x%02X at byte offset %d", b, offset));
    }
}
