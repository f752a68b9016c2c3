package io.streamlake.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.it.support.SecuredRegistryEndpoint;
import io.streamlake.it.support.StreamLakeIntegrationTest;
import io.streamlake.test.KafkaEndpoint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code produce --serialization avro} against a registry that requires basic authentication: the events land in
 * the Confluent wire format; the registry received the credentials; they appear in no output, no log line, and in
 * no record (headers or value) sent to Kafka.
 */
@StreamLakeIntegrationTest
class RegistryBasicAuthTest {

    @TempDir
    Path dir;

    @Test
    void givenBasicAuthUserInfo_thenAvroEventsLandAndTheCredentialsGoOnlyToTheRegistry(
            KafkaEndpoint kafka, SecuredRegistryEndpoint registry) throws Exception {
        String prefix = kafka.uniqueName("regauth").replaceAll("[^a-zA-Z0-9_-]", "-");
        String raw = kafka.createTopic(prefix + ".orders.raw", 1);
        kafka.createTopic(prefix + ".orders.dlq", 1);
        Files.writeString(
                dir.resolve("events.jsonl"),
                "{\"order_id\":\"r-1\",\"amount\":1.5}\n{\"order_id\":\"r-2\",\"amount\":2}\n",
                StandardCharsets.UTF_8);
        SecureCli cli = new SecureCli(dir);
        cli.properties(
                "registry.properties",
                Map.of(
                        "bootstrap.servers",
                        kafka.bootstrapServers(),
                        "topic.prefix",
                        prefix,
                        "serialization",
                        "avro",
                        "schema.registry.url",
                        registry.url(),
                        "schema.registry.basic.auth.user.info",
                        registry.username() + ":" + registry.password()));
        int before = registry.receivedAuthorizations().size();

        SecureCli.Result result;
        List<String> logs;
        try (LogCapture capture = LogCapture.attach()) {
            result = cli.run(
                    "produce",
                    "--config",
                    "registry.properties",
                    "--dataset",
                    "orders",
                    "--key-field",
                    "order_id",
                    "--file",
                    "events.jsonl",
                    "--verbose");
            logs = capture.lines();
        }

        assertThat(result.code()).as(result.all()).isZero();
        List<String> received = registry.receivedAuthorizations();
        assertThat(received.subList(before, received.size()))
                .isNotEmpty()
                .allMatch(registry.basicAuthorization()::equals);
        List<ConsumerRecord<byte[], byte[]>> records = kafka.consumeAll(raw, 2, Duration.ofSeconds(30));
        assertThat(records).hasSize(2).allSatisfy(r -> assertThat(r.value()[0]).isZero());
        String basic = registry.basicAuthorization().substring("Basic ".length());
        for (String secret : List.of(registry.password(), basic)) {
            assertThat(result.all()).doesNotContain(secret);
            assertThat(logs).noneMatch(line -> line.contains(secret));
            for (ConsumerRecord<byte[], byte[]> r : records) {
                assertThat(new String(r.value(), StandardCharsets.ISO_8859_1)).doesNotContain(secret);
                r.headers()
                        .forEach(h -> assertThat(new String(h.value(), StandardCharsets.UTF_8))
                                .doesNotContain(secret));
            }
        }
    }
}
