package io.streamlake.core.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.core.port.out.IdGenerator;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RandomUuidsTest {

    @Test
    void givenManyIds_thenEachIsADistinctVersion4UuidInCanonicalText() {
        IdGenerator ids = IdGenerator.randomUuids();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String id = ids.newIngestionId();
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.toString()).isEqualTo(id);
            assertThat(seen.add(id)).isTrue();
        }
    }

    @Test
    void givenDevUrandom_thenIdsComeFromIt() {
        RandomUuids.shared().next();
        assertThat(RandomUuids.shared().readsOperatingSystem())
                .isEqualTo(java.nio.file.Files.isReadable(java.nio.file.Path.of("/dev/urandom")));
    }

    @Test
    void givenTwoThreads_thenTheirIdsDiffer() throws Exception {
        Set<String> a = new HashSet<>();
        Thread t = new Thread(() -> {
            for (int i = 0; i < 10_000; i++) {
                a.add(IdGenerator.randomUuids().newIngestionId());
            }
        });
        t.start();
        t.join();
        for (int i = 0; i < 10_000; i++) {
            assertThat(a).doesNotContain(IdGenerator.randomUuids().newIngestionId());
        }
    }
}
