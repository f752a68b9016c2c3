package io.streamlake.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.it.support.SecureKafkaEndpoint;
import io.streamlake.it.support.StreamLakeIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code produce} over SASL_SSL with SCRAM-SHA-512 and a TLS trust store, every setting from a {@code --config}
 * file: events land; a wrong password fails in seconds (no retry loop until a timeout) with one line that names the
 * principal and never the password, exit 1.
 */
@StreamLakeIntegrationTest
class SaslSslProduceTest {

    @TempDir
    Path dir;

    @Test
    void givenScramCredentialsInTheConfigFile_thenProduceOverSaslSslLandsEveryEvent(SecureKafkaEndpoint secure)
            throws Exception {
        String prefix = secure.plaintext().uniqueName("sasl").replaceAll("[^a-zA-Z0-9_-]", "-");
        String raw = prefix + ".orders.raw";
        secure.plaintext().createTopic(raw, 2);
        secure.plaintext().createTopic(prefix + ".orders.dlq", 2);
        Files.writeString(
                dir.resolve("events.jsonl"),
                IntStream.range(0, 20)
                        .mapToObj(i -> "{\"order_id\":\"s-" + i + "\",\"amount\":" + i + "}")
                        .collect(Collectors.joining("\n", "", "\n")),
                StandardCharsets.UTF_8);
        SecureCli cli = new SecureCli(dir);
        Map<String, String> settings =
                new java.util.LinkedHashMap<>(SecureCli.saslSsl(secure, secure.username(), secure.password()));
        settings.put("topic.prefix", prefix);
        cli.properties("secure.properties", settings);

        SecureCli.Result result = cli.run(
                "produce",
                "--config",
                "secure.properties",
                "--dataset",
                "orders",
                "--key-field",
                "order_id",
                "--file",
                "events.jsonl");

        assertThat(result.code()).as(result.all()).isZero();
        assertThat(result.out()).contains("published:     20");
        java.util.List<ConsumerRecord<byte[], byte[]>> records =
                secure.plaintext().consumeAll(raw, 20, Duration.ofSeconds(30));
        assertThat(records).hasSize(20);
        assertThat(result.all()).doesNotContain(secure.password());
    }

    @Test
    void givenAWrongPassword_thenProduceFailsFastNamingThePrincipalButNotThePassword(SecureKafkaEndpoint secure)
            throws Exception {
        String wrong = "wrong-" + UUID.randomUUID();
        Files.writeString(dir.resolve("events.jsonl"), "{\"order_id\":\"w-1\",\"amount\":1}\n");
        SecureCli cli = new SecureCli(dir);
        Map<String, String> settings =
                new java.util.LinkedHashMap<>(SecureCli.saslSsl(secure, secure.username(), wrong));
        settings.put("delivery.timeout.ms", "120000");
        cli.properties("wrong.properties", settings);

        SecureCli.Result result = cli.run(
                "produce",
                "--config",
                "wrong.properties",
                "--dataset",
                "orders",
                "--key-field",
                "order_id",
                "--file",
                "events.jsonl",
                "--failed-file",
                "rerun.jsonl");

        System.out.printf("wrong password: exit %d after %d ms: %s", result.code(), result.millis(), result.err());
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.millis())
                .as("fails at the connection check, not after delivery.timeout.ms")
                .isLessThan(15_000);
        assertThat(result.err().lines().toList())
                .singleElement()
                .asString()
                .startsWith("error: ")
                .containsIgnoringCase("authentication")
                .contains(secure.username())
                .contains("SCRAM-SHA-512")
                .doesNotContain(wrong);
        assertThat(result.out()).doesNotContainPattern("published:\\s+[1-9]");
        assertThat(dir.resolve("rerun.jsonl")).doesNotExist();
    }

    @Test
    void givenAWrongPassword_thenConsumeFailsFastNamingThePrincipal(SecureKafkaEndpoint secure) {
        String wrong = "wrong-" + UUID.randomUUID();
        String topic = secure.plaintext().createTopic(secure.plaintext().uniqueTopic("sasl-consume"), 1);
        SecureCli cli = new SecureCli(dir);
        cli.properties("wrong.properties", SecureCli.saslSsl(secure, secure.username(), wrong));

        SecureCli.Result result = cli.run(
                "consume", "--config", "wrong.properties", "--topic", topic, "--from-beginning", "--timeout", "PT30S");

        System.out.printf(
                "consume with a wrong password: exit %d after %d ms: %s", result.code(), result.millis(), result.err());
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.millis()).isLessThan(15_000);
        assertThat(result.err().lines().toList())
                .singleElement()
                .asString()
                .contains("principal=" + secure.username())
                .contains("SCRAM-SHA-512")
                .doesNotContain(wrong);
    }
}
