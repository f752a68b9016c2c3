package io.streamlake.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.cli.StreamLakeCli;
import io.streamlake.cli.context.CliEnvironment;
import io.streamlake.embedded.EmbeddedConnectConfig;
import io.streamlake.embedded.EmbeddedConnectWorker;
import io.streamlake.embedded.EmbeddedKafkaCluster;
import io.streamlake.embedded.EmbeddedKafkaConfig;
import io.streamlake.runtime.ConsoleStreams;
import io.streamlake.runtime.Transports;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code connect submit} against a worker without exactly-once source support: the connector is created at least
 * once (said on screen) and its lines land on RAW and the DLQ; a setting the worker rejects is a usage error by key.
 */
class CliConnectAtLeastOnceTest {

    @TempDir
    Path dir;

    @Test
    void givenAWorkerWithoutExactlyOnce_thenSubmitFallsBackToAtLeastOnceAndBadSettingsAreNamed() throws Exception {
        Files.writeString(
                dir.resolve("in.jsonl"),
                "{\"order_id\": \"ORD-1\", \"amount\": 1}\n{\"order_id\": \"ORD-2\", \"amount\": \"x\"}\n",
                StandardCharsets.UTF_8);
        try (EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.start(
                        EmbeddedKafkaConfig.defaults().withBaseDirectory(dir.toAbsolutePath()));
                EmbeddedConnectWorker worker = EmbeddedConnectWorker.start(
                        EmbeddedConnectConfig.of(kafka.bootstrapServers(), ConnectPlugin.pluginPath())
                                .withWorkerProperty("exactly.once.source.support", "disabled"))) {
            String[] common = {"--bootstrap-servers", kafka.bootstrapServers(), "--connect-url", worker.url()};

            Result rejected = run(concat(
                    common,
                    "connect",
                    "submit",
                    "--dataset",
                    "orders",
                    "--input",
                    "in.jsonl",
                    "--name",
                    "bad",
                    "--key-field",
                    "\u0001"));
            assertThat(rejected.code()).as(rejected.err() + rejected.out()).isEqualTo(2);
            assertThat(rejected.err())
                    .contains("the Connect worker at " + worker.url() + " rejects the connector's settings")
                    .contains("key.field:");
            assertThat(rejected.out()).as("nothing provisioned or created").isEmpty();

            Result submit = run(concat(
                    common,
                    "connect",
                    "submit",
                    "--dataset",
                    "orders",
                    "--input",
                    "in.jsonl",
                    "--key-field",
                    "order_id",
                    "--topic-prefix",
                    "alo"));
            assertThat(submit.code()).as(submit.err() + submit.out()).isZero();
            assertThat(submit.out())
                    .contains("connector streamlake-orders created on " + worker.url())
                    .contains("at-least-once (the worker has no exactly.once.source.support=enabled)");

            Result status = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
            while (System.nanoTime() < deadline) {
                status = run(concat(common, "connect", "status", "--dataset", "orders"));
                // The worker learns its tasks' states from the status topic, so the records can be on
                // Kafka before the status names the task: wait for both.
                if (status.out().contains("task 0: RUNNING")
                        && status.out().contains("alo.orders.raw: 1 records")
                        && status.out().contains("alo.orders.dlq: 1 records")) {
                    break;
                }
                Thread.sleep(500);
            }
            assertThat(status.code()).as(status.err() + status.out()).isZero();
            assertThat(status.out())
                    .contains("task 0: RUNNING")
                    .contains("alo.orders.raw: 1 records")
                    .contains("alo.orders.dlq: 1 records");
        }
    }

    private static String[] concat(String[] first, String... rest) {
        String[] all = new String[rest.length + first.length];
        System.arraycopy(rest, 0, all, 0, rest.length);
        System.arraycopy(first, 0, all, rest.length, first.length);
        return all;
    }

    record Result(int code, String out, String err) {}

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ConsoleStreams console = new ConsoleStreams(new PrintWriter(out, true), new PrintWriter(err, true), false);
        int code = StreamLakeCli.execute(console, new CliEnvironment(Map.of(), dir), Transports.discover(), args);
        return new Result(code, out.toString(), err.toString());
    }
}
