package io.streamlake.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code streamlake demo}: starts its own embedded broker and registry, runs the whole pipeline on the bundled
 * examples/orders.jsonl and prints one screen. Exit 0.
 */
class CliDemoTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"json", "avro"})
    void givenTheDemo_thenItRunsThePipelineAndShowsPartitionsDeadLettersAndHeaders(String serialization) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = io.streamlake.cli.StreamLakeCli.execute(
                new io.streamlake.runtime.ConsoleStreams(
                        new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true), false),
                new io.streamlake.cli.context.CliEnvironment(Map.of(), dir),
                io.streamlake.runtime.Transports.discover(),
                "demo",
                "--serialization",
                serialization);

        assertThat(code).as(err.toString()).isZero();
        java.util.regex.Matcher counts = java.util.regex.Pattern.compile(
                        "ingested (\\d+) events: (\\d+) published, " + "(\\d+) dead-lettered, 0 not acknowledged")
                .matcher(out.toString());
        assertThat(counts.find()).as(out.toString()).isTrue();
        assertThat(Integer.parseInt(counts.group(3))).isPositive();
        assertThat(out.toString())
                .contains("RAW streamlake.orders.raw: " + counts.group(2) + " events")
                .contains("partition 0:")
                .contains("partition 1:")
                .contains("partition 2:")
                .contains("DLQ streamlake.orders.dlq: " + counts.group(3) + " dead letters")
                .contains("parse:")
                .contains("validate:")
                .contains("headers of one event")
                .contains("ingestion_id")
                .contains("schema_version")
                .contains("registered under streamlake.orders.raw-value")
                .contains("serialization " + serialization)
                .contains("content_type      application/" + serialization)
                .contains("value: {\"order_id\":");
    }
}
