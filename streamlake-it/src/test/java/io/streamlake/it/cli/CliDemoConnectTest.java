package io.streamlake.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.cli.StreamLakeCli;
import io.streamlake.cli.context.CliEnvironment;
import io.streamlake.runtime.ConsoleStreams;
import io.streamlake.runtime.Transports;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code streamlake demo --connect}: the demo's screen, with the events ingested by the StreamLake file source
 * connector on a real Connect worker. The counts are those of a dry run of {@code produce} on the same file.
 */
class CliDemoConnectTest {

    @TempDir
    Path dir;

    @Test
    void givenTheDemoThroughConnect_thenItShowsTheSameRawAndDlqAsProduceWouldWrite() throws Exception {
        try (InputStream bundled = StreamLakeCli.class.getResourceAsStream("/examples/orders.jsonl")) {
            Files.copy(bundled, dir.resolve("orders.jsonl"));
        }
        Result dryRun = run(
                "produce",
                "--transport",
                "stdout",
                "--dataset",
                "orders",
                "--file",
                "orders.jsonl",
                "--key-field",
                "order_id");
        assertThat(dryRun.code()).as(dryRun.err()).isZero();
        long raw = dryRun.out()
                .lines()
                .filter(l -> l.startsWith("{\"topic\":\"streamlake.orders.raw\""))
                .count();
        long dlq = dryRun.out()
                .lines()
                .filter(l -> l.startsWith("{\"topic\":\"streamlake.orders.dlq\""))
                .count();
        assertThat(raw).isPositive();
        assertThat(dlq).isPositive();

        Result demo = run(
                "demo",
                "--connect",
                "--file",
                "orders.jsonl",
                "--plugin-path",
                ConnectPlugin.pluginPath().toString());

        assertThat(demo.code()).as(demo.err() + demo.out()).isZero();
        assertThat(demo.out())
                .contains("ingested through Kafka Connect (http://127.0.0.1:")
                .contains("connector streamlake-demo-orders, up to 2 tasks, exactly-once): " + (raw + dlq) + " events: "
                        + raw + " published, " + dlq + " dead-lettered, 0 not acknowledged")
                .contains("RAW streamlake.orders.raw: " + raw + " events")
                .contains("DLQ streamlake.orders.dlq: " + dlq + " dead letters")
                .contains("parse:")
                .contains("validate:")
                .contains("headers of one event")
                .contains("ingestion_id");
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
