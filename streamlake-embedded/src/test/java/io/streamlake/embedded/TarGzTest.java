package io.streamlake.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarGzTest {

    @TempDir
    Path tmp;

    @Test
    void givenFilesDirectoriesAndGnuLongName_thenAllAreExtractedWithTheirContent() throws IOException {
        String longName = "lib/" + "x".repeat(120) + ".jar";
        Path archive = write(
                entry("lib/", '5', new byte[0]),
                entry("lib/a.txt", '0', bytes("alpha")),
                entry("././@LongLink", 'L', bytes(longName + "\0")),
                entry("ignored", '0', bytes("long")),
                entry("empty.txt", '0', new byte[0]));
        Path out = tmp.resolve("out");
        TarGz.extract(archive, out);
        assertThat(out.resolve("lib/a.txt")).hasContent("alpha");
        assertThat(out.resolve(longName)).hasContent("long");
        assertThat(out.resolve("empty.txt")).isEmptyFile();
        assertThat(out.resolve("ignored")).doesNotExist();
    }

    @Test
    void givenEntryEscapingTheTarget_thenExtractionIsRefused() throws IOException {
        Path archive = write(entry("../evil.txt", '0', bytes("x")));
        assertThatThrownBy(() -> TarGz.extract(archive, tmp.resolve("out")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("escapes the target directory")
                .hasMessageContaining("../evil.txt");
        assertThat(tmp.resolve("evil.txt")).doesNotExist();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** One ustar entry: 512-byte header then the data padded to 512 bytes. */
    private static byte[] entry(String name, char type, byte[] data) throws IOException {
        byte[] header = new byte[512];
        put(header, 0, name);
        put(header, 100, "0000644");
        put(header, 124, String.format("%011o", data.length));
        put(header, 148, "        ");
        header[156] = (byte) type;
        put(header, 257, "ustar");
        put(header, 263, "00");
        long sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        put(header, 148, String.format("%06o", sum) + "\0 ");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(header);
        out.write(data);
        out.write(new byte[(512 - data.length % 512) % 512]);
        return out.toByteArray();
    }

    private static void put(byte[] header, int offset, String value) {
        byte[] b = bytes(value);
        System.arraycopy(b, 0, header, offset, b.length);
    }

    private Path write(byte[]... entries) throws IOException {
        Path archive = tmp.resolve("test.tar.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(archive))) {
            for (byte[] e : entries) {
                out.write(e);
            }
            out.write(new byte[1024]);
        }
        return archive;
    }
}
