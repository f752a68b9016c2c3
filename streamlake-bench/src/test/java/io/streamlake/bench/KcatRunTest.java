package io.streamlake.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.kafka.settings.KafkaAdapterConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kcat command lines the bench builds, and how it finds kcat. */
class KcatRunTest {

    private static final Path KCAT = Path.of("/opt/x/kcat");
    private static final Path FILE = Path.of("/tmp/lines.txt");

    @TempDir
    Path dir;

    private static Map<String, Object> producerProperties() {
        return new KafkaAdapterConfig(Map.of(KafkaAdapterConfig.BOOTSTRAP_SERVERS_CONFIG, "h:1")).producerProperties();
    }

    @Test
    void givenPlainMode_thenKeyAndValueFromTheFileAndNothingElse() {
        List<String> command =
                KcatRun.command(KcatRun.Mode.PLAIN, KCAT, "h:1", "t.raw", FILE, producerProperties(), Instant.now());

        assertThat(command)
                .containsExactly("/opt/x/kcat", "-P", "-b", "h:1", "-t", "t.raw", "-K", "\\t", "-l", "/tmp/lines.txt");
    }

    @Test
    void givenLikeForLikeMode_thenStreamLakesSixHeadersInItsOrderWithValuesOfItsLengths() {
        Instant time = Instant.parse("2026-12-05T01:50:16.026442800Z");
        List<String> command =
                KcatRun.command(KcatRun.Mode.LIKE_FOR_LIKE, KCAT, "h:1", "t.raw", FILE, producerProperties(), time);

        assertThat(command.subList(0, 10))
                .containsExactly("/opt/x/kcat", "-P", "-b", "h:1", "-t", "t.raw", "-K", "\\t", "-l", "/tmp/lines.txt");
        List<String> headers = valuesOf(command, "-H");
        assertThat(headers)
                .extracting(h -> h.substring(0, h.indexOf('=')))
                .containsExactly(
                        "dataset", "schema_version", "ingestion_id", "event_time", "producer_service", "content_type");
        assertThat(headers)
                .contains(
                        "dataset=orders",
                        "schema_version=v2",
                        "producer_service=streamlake-producer",
                        "content_type=application/json");
        String id = headers.get(2).substring("ingestion_id=".length());
        assertThat(UUID.fromString(id).version()).isEqualTo(4);
        assertThat(id).hasSize(36);
        assertThat(headers.get(3)).isEqualTo("event_time=" + io.streamlake.core.domain.Timestamps.format(time));
    }

    @Test
    void givenLikeForLikeMode_thenStreamLakesProducerSettingsUnderLibrdkafkasNames() {
        List<String> settings = valuesOf(
                KcatRun.command(
                        KcatRun.Mode.LIKE_FOR_LIKE, KCAT, "h:1", "t.raw", FILE, producerProperties(), Instant.now()),
                "-X");

        assertThat(settings)
                .containsExactly(
                        "acks=all",
                        "enable.idempotence=true",
                        "max.in.flight.requests.per.connection=5",
                        "linger.ms=10",
                        "batch.size=65536",
                        "compression.codec=lz4",
                        "message.timeout.ms=120000",
                        "request.timeout.ms=30000",
                        "partitioner=murmur2_random");
    }

    @Test
    void givenEverySettingConsoleProducerGets_thenKcatGetsItToo() {
        assertThat(KcatRun.LIBRDKAFKA_NAMES.keySet()).containsExactlyElementsOf(ProcessRun.SHARED_PRODUCER_KEYS);
    }

    @Test
    void givenChangedAdapterSettings_thenKcatFollowsThem() {
        Map<String, Object> props = new KafkaAdapterConfig(Map.of(
                        KafkaAdapterConfig.BOOTSTRAP_SERVERS_CONFIG, "h:1",
                        KafkaAdapterConfig.COMPRESSION_TYPE_CONFIG, "zstd",
                        KafkaAdapterConfig.LINGER_MS_CONFIG, "25"))
                .producerProperties();

        assertThat(KcatRun.librdkafkaSettings(props)).contains("compression.codec=zstd", "linger.ms=25");
    }

    @Test
    void givenExecutableOnThePath_thenItIsFoundAndAMissingOneIsNot() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path kcat = Files.createFile(
                bin.resolve("kcat"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.createFile(bin.resolve("notexec"));
        String path = dir.resolve("empty") + java.io.File.pathSeparator + bin;

        assertThat(KcatRun.locate("kcat", path)).contains(kcat.toAbsolutePath());
        assertThat(KcatRun.locate(kcat.toString(), null)).contains(kcat.toAbsolutePath());
        assertThat(KcatRun.locate("notexec", path)).isEmpty();
        assertThat(KcatRun.locate("kcat", dir.resolve("empty").toString())).isEmpty();
        assertThat(KcatRun.locate(dir.resolve("missing/kcat").toString(), path)).isEmpty();
        assertThat(KcatRun.locate("kcat", null)).isEmpty();
    }

    @Test
    void givenNoKcat_thenTheSkipLineSaysWhatWasLookedForAndHowToGetIt() {
        assertThat(BenchRunner.kcatMissing("kcat")).contains("kcat not found (kcat on the PATH", "--kcat PATH");
        assertThat(BenchRunner.kcatMissing("/no/kcat")).contains("kcat not found (/no/kcat;");
    }

    private static List<String> valuesOf(List<String> command, String flag) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < command.size() - 1; i++) {
            if (command.get(i).equals(flag)) {
                out.add(command.get(i + 1));
            }
        }
        return out;
    }
}
