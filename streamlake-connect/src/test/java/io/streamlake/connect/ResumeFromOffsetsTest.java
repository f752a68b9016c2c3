package io.streamlake.connect;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connector paused, deleted and created again with the same name resumes from its committed source offsets: the
 * lines it already wrote are not written again, and a file that appears later is still picked up.
 */
@ExtendWith(ConnectCluster.Extension.class)
class ResumeFromOffsetsTest {

    @TempDir
    Path dir;

    static void write(Path file, int lines) throws Exception {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i <= lines; i++) {
            out.append("{\"order_id\":\"")
                    .append(file.getFileName())
                    .append('-')
                    .append(i)
                    .append("\",\"amount\":")
                    .append(i)
                    .append("}\n");
        }
        Files.writeString(file, out, UTF_8);
    }

    @Test
    void givenAConnectorThatFinished_whenPausedDeletedAndCreatedAgain_thenNothingIsWrittenTwice() throws Exception {
        EmbeddedConnectCluster connect = ConnectCluster.get();
        String prefix = "resume";
        ConnectCluster.createTopics(prefix, 2);
        Path in = Files.createDirectories(dir.resolve("in"));
        write(in.resolve("a.jsonl"), 3_000);
        write(in.resolve("b.jsonl"), 2_000);
        Map<String, String> config = ConnectCluster.sourceConnector(prefix, in.toString(), 2);
        config.put("headers.source", "true");
        config.put("split.bytes", "40000");
        String raw = prefix + ".orders.raw";

        connect.configureConnector(prefix, config);
        ConnectCluster.await(
                "the first 5,000 lines", Duration.ofSeconds(60), () -> ConnectCluster.countCommitted(raw) == 5_000);
        connect.pauseConnector(prefix);
        connect.assertions().assertConnectorAndExactlyNumTasksArePaused(prefix, 2, "connector not paused");
        connect.deleteConnector(prefix);
        connect.assertions().assertConnectorDoesNotExist(prefix, "connector not deleted");

        connect.configureConnector(prefix, config);
        connect.assertions().assertConnectorAndAtLeastNumTasksAreRunning(prefix, 1, "connector not running again");
        Thread.sleep(3_000); // time to write everything again, were the offsets not used
        assertThat(ConnectCluster.countCommitted(raw)).isEqualTo(5_000);

        write(in.resolve("c.jsonl"), 500);
        ConnectCluster.await(
                "the new file's 500 lines", Duration.ofSeconds(60), () -> ConnectCluster.countCommitted(raw) >= 5_500);
        Thread.sleep(1_000);
        connect.deleteConnector(prefix);

        List<ConsumerRecord<byte[], byte[]>> records = ConnectCluster.readCommitted(raw);
        Set<String> sources = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            assertThat(sources.add(Records.header(r, "source")))
                    .as("written once: %s", Records.header(r, "source"))
                    .isTrue();
        }
        assertThat(records).hasSize(5_500);
    }
}
