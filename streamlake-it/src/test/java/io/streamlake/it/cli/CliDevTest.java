package io.streamlake.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.cli.StreamLakeCli;
import io.streamlake.cli.context.CliEnvironment;
import io.streamlake.runtime.ConsoleStreams;
import io.streamlake.runtime.Transports;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code streamlake dev}: a broker and a registry in the foreground, the export line, then a clean stop. */
class CliDevTest {

    @TempDir
    Path dir;

    @Test
    void givenDev_thenItPrintsEndpointsAndExportLineServesThemAndStopsCleanly() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ConsoleStreams console = new ConsoleStreams(new PrintWriter(out, true), new PrintWriter(err, true), false);
        String[] bootstrap = new String[1];
        Thread probe = new Thread(() -> {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (System.nanoTime() < deadline && bootstrap[0] == null) {
                Matcher m = Pattern.compile("export KAFKA_BOOTSTRAP_SERVERS=(\\S+) ")
                        .matcher(out.toString());
                if (m.find()) {
                    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, m.group(1)))) {
                        admin.describeCluster().nodes().get();
                        bootstrap[0] = m.group(1);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        probe.start();

        int code = StreamLakeCli.execute(
                console,
                new CliEnvironment(Map.of(), dir),
                Transports.discover(),
                "dev",
                "--data-dir",
                "devdata",
                "--kafka-port",
                Integer.toString(DevProcess.freePort()),
                "--registry-port",
                Integer.toString(DevProcess.freePort()),
                "--duration",
                "PT4S");
        probe.join();

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("Kafka bootstrap servers: ")
                .contains("Schema Registry URL:     http://")
                .containsPattern("export KAFKA_BOOTSTRAP_SERVERS=\\S+ SCHEMA_REGISTRY_URL=http://\\S+/apis/ccompat/v7")
                .contains(dir.resolve("devdata").toString());
        assertThat(bootstrap[0]).as("the printed broker answered while dev ran").isNotNull();
        assertThat(err.toString()).contains("stopped");
    }
}
