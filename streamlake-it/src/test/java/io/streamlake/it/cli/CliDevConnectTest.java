package io.streamlake.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.cli.StreamLakeCli;
import io.streamlake.cli.context.CliEnvironment;
import io.streamlake.runtime.ConsoleStreams;
import io.streamlake.runtime.Transports;
import io.streamlake.test.KafkaEndpoint;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code streamlake dev --connect} runs a real Connect worker with the plugin from the plugin zip; {@code connect
 * submit} puts a file source connector on it, whose lines land on RAW and DLQ, and {@code connect status} shows it,
 * offsets included, also once dev has restarted.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliDevConnectTest {

    /** {@code connect status}'s line of a file read to its end: at byte N of N, its last line. */
    private static final Pattern A_READ = Pattern.compile("a\\.jsonl from byte 0: at byte (\\d+) of \\1, line 4");

    private static final Pattern B_READ = Pattern.compile("b\\.jsonl from byte 0: at byte (\\d+) of \\1, line 3");

    @TempDir
    static Path dir;

    private static DevProcess dev;
    private static String[] devArgs;
    private static String bootstrap;
    private static String connectUrl;
    private static int connectPort;

    @BeforeAll
    static void startDev() throws Exception {
        Path plugins = ConnectPlugin.pluginPath();
        connectPort = DevProcess.freePort();
        devArgs = new String[] {
            "--connect",
            "--data-dir",
            dir.resolve("dev").toString(),
            "--kafka-port",
            Integer.toString(DevProcess.freePort()),
            "--registry-port",
            Integer.toString(DevProcess.freePort()),
            "--connect-port",
            Integer.toString(connectPort),
            "--plugin-path",
            plugins.toString()
        };
        dev = DevProcess.start(dir, devArgs);
        bootstrap = dev.bootstrapServers();
        connectUrl = line("Connect REST URL:");
    }

    @AfterAll
    static void stopDev() throws InterruptedException {
        if (dev != null) {
            dev.close();
        }
    }

    @Test
    void givenDevWithConnect_thenItPrintsTheWorkersUrlAndItsLogGoesToAFile() {
        assertThat(connectUrl).isEqualTo("http://127.0.0.1:" + connectPort);
        assertThat(dev.out())
                .contains("Connect REST URL:        " + connectUrl)
                .contains("STREAMLAKE_CONNECT_URL=" + connectUrl);
        assertThat(dir.resolve("dev/connect/connect.log")).isNotEmptyFile();
    }

    @Test
    @Order(1)
    void givenASubmittedConnector_thenItsLinesLandOnRawAndDlqAndStatusShowsTasksOffsetsAndCounts() throws Exception {
        Path input = Files.createDirectories(dir.resolve("in"));
        Files.writeString(input.resolve("a.jsonl"), """
                {"order_id": "ORD-1", "amount": 10.5}
                {"order_id": "ORD-2", "amount": 11}
                {"order_id": "ORD-1", "amount": "not a number"}
                {"order_id": "ORD-3", "amount": 12, "currency": "EUR"}
                """, StandardCharsets.UTF_8);
        Files.writeString(input.resolve("b.jsonl"), """
                {"order_id": "ORD-2", "amount": 13}
                {"order_id": "ORD-4", "amount": 14
                {"order_id": "ORD-4", "amount": 15}
                """, StandardCharsets.UTF_8);

        Result submit = run(
                "connect",
                "submit",
                "--dataset",
                "orders",
                "--input",
                "in",
                "--tasks",
                "2",
                "--key-field",
                "order_id",
                "--topic-prefix",
                "devconnect",
                "--bootstrap-servers",
                bootstrap,
                "--connect-url",
                connectUrl);

        assertThat(submit.code()).as(submit.err() + submit.out()).isZero();
        assertThat(submit.out())
                .contains("topics: devconnect.orders.raw")
                .contains("connector streamlake-orders created on " + connectUrl)
                .contains("up to 2 tasks reading " + input.toAbsolutePath())
                .contains("exactly-once");

        Result status = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        while (System.nanoTime() < deadline) {
            status = run("connect", "status", "--bootstrap-servers", bootstrap, "--connect-url", connectUrl);
            // task states come from the status topic and can lag the records: wait for both
            if (status.out().contains("task 0: RUNNING")
                    && status.out().contains("task 1: RUNNING")
                    && status.out().contains("devconnect.orders.raw: 5 records")
                    && status.out().contains("devconnect.orders.dlq: 2 records")
                    && status.out().contains("2 file parts committed")
                    && A_READ.matcher(status.out()).find()
                    && B_READ.matcher(status.out()).find()) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(status.code()).as(status.err() + status.out()).isZero();
        assertThat(status.out())
                .contains("connector streamlake-orders on " + connectUrl + ": RUNNING")
                .contains("dataset orders")
                .contains("task 0: RUNNING")
                .contains("task 1: RUNNING")
                .contains("2 file parts committed")
                .contains("devconnect.orders.raw: 5 records")
                .contains("devconnect.orders.dlq: 2 records");
        // the REST API finds each part's committed offset by its source partition read back from the offsets topic:
        // the plugin's partitions serialize the same way every time, so every part shows its offset
        assertThat(status.out())
                .doesNotContain("no offset readable")
                .containsPattern(A_READ.pattern())
                .containsPattern(B_READ.pattern());

        List<ConsumerRecord<byte[], byte[]>> raw = readCommitted("devconnect.orders.raw");
        Set<String> keys = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> r : raw) {
            keys.add(new String(r.key(), StandardCharsets.UTF_8));
            assertThat(new String(r.headers().lastHeader("dataset").value(), StandardCharsets.UTF_8))
                    .isEqualTo("orders");
        }
        assertThat(keys).containsExactlyInAnyOrder("ORD-1", "ORD-2", "ORD-3", "ORD-4");
        assertThat(readCommitted("devconnect.orders.dlq"))
                .extracting(r -> new String(r.headers().lastHeader("dlq_stage").value(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder("parse", "validate");
    }

    @Test
    @Order(2)
    void givenAnAvroConnector_thenItsRawRecordsCarryEveryStreamLakeHeader() throws Exception {
        Path input = Files.createDirectories(dir.resolve("in-avro"));
        Files.writeString(input.resolve("c.jsonl"), """
                {"order_id": "ORD-7", "amount": 10.5}
                {"order_id": "ORD-8", "amount": 11, "currency": "EUR"}
                {"order_id": "ORD-9", "amount": "not a number"}
                """, StandardCharsets.UTF_8);

        Result submit = run(
                "connect",
                "submit",
                "--name",
                "streamlake-orders-avro",
                "--dataset",
                "orders",
                "--input",
                "in-avro",
                "--key-field",
                "order_id",
                "--serialization",
                "avro",
                "--topic-prefix",
                "devavro",
                "--bootstrap-servers",
                bootstrap,
                "--schema-registry-url",
                dev.registryUrl(),
                "--connect-url",
                connectUrl);
        assertThat(submit.code()).as(submit.err() + submit.out()).isZero();

        List<ConsumerRecord<byte[], byte[]>> raw = List.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        while (raw.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            raw = readCommitted("devavro.orders.raw");
        }
        assertThat(raw).hasSize(2);
        for (ConsumerRecord<byte[], byte[]> r : raw) {
            List<String> names = new ArrayList<>();
            r.headers().forEach(h -> names.add(h.key()));
            assertThat(names)
                    .containsExactly(
                            "dataset",
                            "schema_version",
                            "ingestion_id",
                            "event_time",
                            "producer_service",
                            "content_type");
            assertThat(new String(r.headers().lastHeader("content_type").value(), StandardCharsets.UTF_8))
                    .isEqualTo("application/avro");
            assertThat(r.value()[0])
                    .as("the Confluent wire format's magic byte")
                    .isZero();
        }
        assertThat(readCommitted("devavro.orders.dlq")).hasSize(1);
    }

    @Test
    @Order(3)
    void givenDevRestarted_thenStatusShowsTheOffsetsAndNothingIsReadAgain() throws Exception {
        dev.close();
        dev = DevProcess.start(dir, devArgs);

        Result status = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            status = run(
                    "connect",
                    "status",
                    "--name",
                    "streamlake-orders",
                    "--bootstrap-servers",
                    bootstrap,
                    "--connect-url",
                    connectUrl);
            if (status.out().contains("task 1: RUNNING")
                    && A_READ.matcher(status.out()).find()
                    && B_READ.matcher(status.out()).find()) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(status.out())
                .contains("connector streamlake-orders on " + connectUrl + ": RUNNING")
                .contains("2 file parts committed")
                .doesNotContain("no offset readable")
                .containsPattern(A_READ.pattern())
                .containsPattern(B_READ.pattern());
        Thread.sleep(3_000); // a task that did not find its offset would read its file again now
        assertThat(readCommitted("devconnect.orders.raw")).hasSize(5);
        assertThat(readCommitted("devconnect.orders.dlq")).hasSize(2);
    }

    private static List<ConsumerRecord<byte[], byte[]>> readCommitted(String topic) {
        return KafkaEndpoint.of(bootstrap)
                .readToEnd(
                        topic, Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), Duration.ofSeconds(20));
    }

    private static String line(String label) {
        return dev.out()
                .lines()
                .filter(l -> l.startsWith(label))
                .map(l -> l.substring(label.length()).trim())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no '" + label + "' in " + dev.out()));
    }

    record Result(int code, String out, String err) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ConsoleStreams console = new ConsoleStreams(new PrintWriter(out, true), new PrintWriter(err, true), false);
        int code = StreamLakeCli.execute(console, new CliEnvironment(Map.of(), dir), Transports.discover(), args);
        return new Result(code, out.toString(), err.toString());
    }
}
