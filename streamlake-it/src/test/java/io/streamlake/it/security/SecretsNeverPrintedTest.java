package io.streamlake.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.it.support.SecureKafkaEndpoint;
import io.streamlake.it.support.SecuredRegistryEndpoint;
import io.streamlake.it.support.StreamLakeIntegrationTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * produce, consume and config with a distinctive secret in every secret-bearing key, succeeding and failing (wrong
 * Kafka password, unreachable registry, refused settings), all with --verbose: no secret appears on stdout, on
 * stderr (stack traces included) or in any log line of the JVM (kafka-clients' own config dumps included).
 */
@StreamLakeIntegrationTest
class SecretsNeverPrintedTest {

    @TempDir
    Path dir;

    private final List<String> secrets = new ArrayList<>();
    private final List<String> printed = new ArrayList<>();

    private String secret(String name) {
        String value = name + "-" + UUID.randomUUID().toString().replace("-", "");
        secrets.add(value);
        return value;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private SecureCli.Result run(SecureCli cli, String... args) {
        SecureCli.Result result = cli.run(args);
        System.out.printf(
                "%s -> exit %d in %d ms; stderr: %s%n",
                String.join(" ", args),
                result.code(),
                result.millis(),
                result.err().lines().findFirst().orElse(""));
        printed.add(result.out());
        printed.add(result.err());
        return result;
    }

    @Test
    void givenSecretsInEveryKey_thenNoRunPrintsOrLogsAny(SecureKafkaEndpoint secure, SecuredRegistryEndpoint registry)
            throws IOException {
        secrets.add(secure.password());
        secrets.add(secure.trustStorePassword());
        secrets.add(registry.password());
        secrets.add(registry.token());
        secrets.add(registry.basicAuthorization().substring("Basic ".length()));
        String wrongKafka = secret("kafkapw");
        String keyStore = secret("keystorepw");
        String key = secret("keypw");
        String registryTrust = secret("registrytrustpw");
        String wrongRegistry = secret("registrypw");
        String bearer = secret("bearer");
        String inUrl = secret("urlpw");
        String prefix = secure.plaintext().uniqueName("secrets").replaceAll("[^a-zA-Z0-9_-]", "-");
        secure.plaintext().createTopic(prefix + ".orders.raw", 1);
        secure.plaintext().createTopic(prefix + ".orders.dlq", 1);
        Files.writeString(
                dir.resolve("events.jsonl"),
                "{\"order_id\":\"x-1\",\"amount\":1}\n{\"order_id\":\"x-2\"}\n",
                StandardCharsets.UTF_8);
        SecureCli cli = new SecureCli(dir);
        String unreachable = "http://127.0.0.1:" + freePort();

        Map<String, String> good = new LinkedHashMap<>(SecureCli.saslSsl(secure, secure.username(), secure.password()));
        good.put("topic.prefix", prefix);
        good.put("serialization", "avro");
        good.put("schema.registry.url", registry.url());
        good.put("schema.registry.basic.auth.user.info", registry.username() + ":" + registry.password());
        cli.properties("good.properties", good);
        Map<String, String> bearerOnly = new LinkedHashMap<>(good);
        bearerOnly.remove("schema.registry.basic.auth.user.info");
        bearerOnly.put("schema.registry.bearer.token", registry.token());
        cli.properties("bearer.properties", bearerOnly);
        Map<String, String> wrongPassword = new LinkedHashMap<>(good);
        wrongPassword.putAll(SecureCli.saslSsl(secure, secure.username(), wrongKafka));
        cli.properties("wrong-kafka.properties", wrongPassword);
        Map<String, String> registryDown = new LinkedHashMap<>(good);
        registryDown.put("schema.registry.url", unreachable);
        registryDown.put("schema.registry.basic.auth.user.info", "someone:" + wrongRegistry);
        registryDown.put("schema.registry.ssl.truststore.password", registryTrust);
        cli.properties("registry-down.properties", registryDown);
        Map<String, String> keyStores = new LinkedHashMap<>(good);
        keyStores.put("kafka.ssl.keystore.password", keyStore);
        keyStores.put("kafka.ssl.key.password", key);
        cli.properties("keystore.properties", keyStores);
        Map<String, String> both = new LinkedHashMap<>(good);
        both.put("schema.registry.bearer.token", bearer);
        cli.properties("both.properties", both);
        Map<String, String> every = new LinkedHashMap<>(keyStores);
        every.putAll(registryDown);
        cli.properties("every.properties", every);
        Map<String, String> everyWithBearer = new LinkedHashMap<>(every);
        everyWithBearer.remove("schema.registry.basic.auth.user.info");
        everyWithBearer.put("schema.registry.bearer.token", bearer);
        cli.properties("every-bearer.properties", everyWithBearer);
        Map<String, String> urlCredentials = new LinkedHashMap<>(good);
        urlCredentials.put(
                "schema.registry.url", "http://someone:" + inUrl + "@127.0.0.1:" + freePort() + "/apis/ccompat/v7");
        cli.properties("url.properties", urlCredentials);

        List<String> logs;
        try (LogCapture capture = LogCapture.attach()) {
            String[] produce = {
                "produce",
                "--dataset",
                "orders",
                "--key-field",
                "order_id",
                "--file",
                "events.jsonl",
                "--failed-file",
                "rerun.jsonl",
                "--verbose",
                "--config"
            };
            assertThat(run(cli, concat(produce, "good.properties")).code()).isZero();
            assertThat(run(cli, concat(produce, "bearer.properties")).code()).isZero();
            assertThat(run(
                                    cli,
                                    "consume",
                                    "--dataset",
                                    "orders",
                                    "--from-beginning",
                                    "--max",
                                    "2",
                                    "--timeout",
                                    "PT20S",
                                    "--verbose",
                                    "--config",
                                    "good.properties")
                            .code())
                    .isZero();
            assertThat(run(
                                    cli,
                                    "consume",
                                    "--dataset",
                                    "orders",
                                    "--dlq",
                                    "--from-beginning",
                                    "--max",
                                    "2",
                                    "--timeout",
                                    "PT20S",
                                    "--verbose",
                                    "--config",
                                    "good.properties")
                            .code())
                    .isZero();
            assertThat(run(cli, concat(produce, "wrong-kafka.properties")).code())
                    .isEqualTo(1);
            assertThat(run(
                                    cli,
                                    "consume",
                                    "--dataset",
                                    "orders",
                                    "--from-beginning",
                                    "--max",
                                    "1",
                                    "--timeout",
                                    "PT10S",
                                    "--verbose",
                                    "--config",
                                    "wrong-kafka.properties")
                            .code())
                    .isNotZero();
            assertThat(run(cli, concat(produce, "registry-down.properties")).code())
                    .isNotZero();
            assertThat(run(cli, concat(produce, "keystore.properties")).code()).isNotZero();
            assertThat(run(cli, concat(produce, "both.properties")).code()).isEqualTo(2);
            assertThat(run(cli, concat(produce, "url.properties")).code()).isNotZero();
            assertThat(run(cli, "config", "--verbose", "--config", "every.properties")
                            .code())
                    .isZero();
            assertThat(run(cli, "config", "--output", "json", "--verbose", "--config", "every.properties")
                            .code())
                    .isZero();
            assertThat(run(cli, "config", "--verbose", "--config", "every-bearer.properties")
                            .code())
                    .isZero();
            assertThat(run(cli, "config", "--verbose", "--config", "url.properties")
                            .code())
                    .isEqualTo(2);
            logs = capture.lines();
        }

        System.out.printf(
                "scanned %d outputs and %d log lines for %d secrets%n", printed.size(), logs.size(), secrets.size());
        assertThat(logs).as("log lines captured").isNotEmpty();
        assertThat(String.join("\n", logs))
                .as("kafka-clients logged its producer config")
                .contains("ProducerConfig values")
                .contains("sasl.jaas.config = [hidden]")
                .contains("ssl.truststore.password = [hidden]");
        for (String s : secrets) {
            assertThat(printed).as("stdout/stderr").noneMatch(text -> text.contains(s));
            assertThat(logs).as("log lines").noneMatch(line -> line.contains(s));
        }
        assertThat(registry.receivedAuthorizations())
                .contains(registry.basicAuthorization(), "Bearer " + registry.token());
    }

    private static String[] concat(String[] args, String last) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = last;
        return all;
    }

    @Test
    void givenSecretsInEveryKey_thenTheSettingsObjectsShowNone() throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(
                "kafka.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required" + " username=\"someone\" password=\""
                        + secret("jaaspw") + "\";");
        settings.put("kafka.ssl.truststore.password", secret("truststorepw"));
        settings.put("kafka.ssl.keystore.password", secret("keystorepw"));
        settings.put("kafka.ssl.key.password", secret("keypw"));
        settings.put("kafka.sasl.client.secret", secret("clientsecret"));
        settings.put("schema.registry.basic.auth.user.info", "someone:" + secret("registrypw"));
        settings.put("schema.registry.ssl.truststore.password", secret("registrytrustpw"));
        Path file = new SecureCli(dir).properties("every.properties", settings);

        io.streamlake.runtime.config.Settings loaded = new io.streamlake.runtime.config.SettingsLoader(
                        io.streamlake.runtime.Transports.discover().configSections())
                .file(file)
                .load();

        List<String> shown = List.of(
                loaded.toString(),
                loaded.entries().toString(),
                loaded.config(io.streamlake.kafka.settings.KafkaAdapterConfig.class)
                        .toString(),
                loaded.config(io.streamlake.kafka.settings.KafkaAdapterConfig.class)
                        .redacted()
                        .toString(),
                loaded.config(io.streamlake.schema.config.SchemaConfig.class).toString());
        for (String s : secrets) {
            assertThat(shown).noneMatch(text -> text.contains(s));
        }
        assertThat(loaded.toString()).contains("kafka.ssl.key.password=[hidden]");
    }
}
