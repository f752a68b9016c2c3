package io.streamlake.schema.codec.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Near-valid payloads for the differential tests: one edit of generated JSON bytes (insert, replace, delete,
 * truncate, append, a byte order mark, a duplicated key), with invalid UTF-8, NUL, structural characters and
 * multi-byte text among the inserted bytes.
 */
final class Mutations {

    private static final List<byte[]> PIECES = List.of(
            new byte[] {0},
            new byte[] {(byte) 0x80},
            new byte[] {(byte) 0xC0, (byte) 0xAF},
            new byte[] {(byte) 0xC3},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xE2, (byte) 0x82},
            new byte[] {(byte) 0xFF},
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            utf8(" "),
            utf8("\""),
            utf8("}"),
            utf8("]"),
            utf8(","),
            utf8("\\"),
            utf8("{}"),
            utf8(" x"),
            utf8("\n"),
            utf8("é"),
            utf8("😀"),
            utf8("\t"),
            utf8("1"),
            utf8("e5"),
            utf8(":"),
            utf8("null"));

    private Mutations() {}

    static Arbitrary<byte[]> of(Arbitrary<String> texts) {
        return Combinators.combine(
                        texts,
                        Arbitraries.integers().between(0, 7),
                        Arbitraries.integers().greaterOrEqual(0),
                        Arbitraries.of(PIECES))
                .as(Mutations::mutate);
    }

    private static byte[] mutate(String text, int kind, int position, byte[] piece) {
        byte[] b = utf8(text);
        int at = position % (b.length + 1);
        return switch (kind) {
            case 0 -> concat(Arrays.copyOfRange(b, 0, at), piece, Arrays.copyOfRange(b, at, b.length));
            case 1 ->
                at < b.length
                        ? concat(Arrays.copyOfRange(b, 0, at), piece, Arrays.copyOfRange(b, at + 1, b.length))
                        : b;
            case 2 ->
                at < b.length
                        ? concat(Arrays.copyOfRange(b, 0, at), new byte[0], Arrays.copyOfRange(b, at + 1, b.length))
                        : b;
            case 3 -> Arrays.copyOfRange(b, 0, at);
            case 4 -> concat(b, piece, new byte[0]);
            case 5 -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, b, new byte[0]);
            default -> utf8(text.replaceFirst("^\\{(\\s*\"[^\"]*\"\\s*:\\s*[^,{}\\[\\]]*),", "{$1,$1,"));
        };
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b, byte[] c) {
        byte[] out = Arrays.copyOf(a, a.length + b.length + c.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        System.arraycopy(c, 0, out, a.length + b.length, c.length);
        return out;
    }
}
