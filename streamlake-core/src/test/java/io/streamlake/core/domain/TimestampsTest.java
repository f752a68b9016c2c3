package io.streamlake.core.domain;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    @Test
    void givenAnyInstant_thenTextIsExactlyIsoInstants() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 200_000; i++) {
            long second = switch (i % 4) {
                case 0 -> random.nextLong(0, 253_402_300_800L);
                case 1 -> 1_700_000_000L + random.nextLong(0, 100);
                case 2 -> random.nextLong(-100_000_000_000L, 0);
                default -> random.nextLong(253_402_300_700L, 400_000_000_000L);
            };
            int nano = switch (i % 5) {
                case 0 -> 0;
                case 1 -> random.nextInt(0, 1000) * 1_000_000;
                case 2 -> random.nextInt(0, 1_000_000) * 1_000;
                default -> random.nextInt(0, 1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(second, nano);
            String iso = DateTimeFormatter.ISO_INSTANT.format(instant);
            assertThat(Timestamps.format(instant)).isEqualTo(iso);
            assertThat(Timestamps.formatAscii(instant)).isEqualTo(iso.getBytes(US_ASCII));
        }
    }

    @Test
    void givenEdges_thenTextIsExactlyIsoInstants() {
        for (Instant instant : new Instant[] {
            Instant.EPOCH,
            Instant.ofEpochSecond(60),
            Instant.ofEpochSecond(3600, 1),
            Instant.ofEpochSecond(86_399, 999_999_999),
            Instant.parse("2026-11-27T11:30:00Z"),
            Instant.parse("2026-11-27T11:30:00.100Z"),
            Instant.parse("2026-11-27T11:30:00.000100Z"),
            Instant.parse("9999-12-31T23:59:59.999999999Z"),
            Instant.parse("+10000-01-01T00:00:00Z"),
            Instant.ofEpochSecond(-1, 5),
            Instant.MIN,
            Instant.MAX
        }) {
            assertThat(Timestamps.format(instant)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
            assertThat(Timestamps.formatAscii(instant))
                    .isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant).getBytes(US_ASCII));
            assertThat(Timestamps.parse(Timestamps.format(instant))).isEqualTo(instant);
        }
    }

    @Test
    void givenInstantsOfOneSecondThatRebuildTheCachedText_thenTextIsExactlyIsoInstants() {
        long second = 1_764_000_000L;
        // low 12 bits 0x740 rebuild the cached text of an unchanged second; whole micro- and milliseconds among them
        for (int nano : new int[] {0, 0x740, 0x740 + 4096, 1_000, 500_000_000, 125_000_000, 0x740 + 8192, 7}) {
            for (long s : new long[] {second, second, second + 1, second}) {
                Instant instant = Instant.ofEpochSecond(s, nano);
                String iso = DateTimeFormatter.ISO_INSTANT.format(instant);
                assertThat(Timestamps.formatAscii(instant)).isEqualTo(iso.getBytes(US_ASCII));
                assertThat(Timestamps.format(instant)).isEqualTo(iso);
            }
        }
    }
}
