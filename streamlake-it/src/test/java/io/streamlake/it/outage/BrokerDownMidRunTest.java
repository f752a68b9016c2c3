package io.streamlake.it.outage;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.embedded.EmbeddedKafkaCluster;
import io.streamlake.embedded.EmbeddedKafkaConfig;
import io.streamlake.test.KafkaEndpoint;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The only broker goes away mid-run for longer than {@code delivery.timeout.ms}: {@code produce --file -} exits 1,
 * lists the failed events with their reason, and once no broker has answered for {@code outage.fail.after.ms} stops
 * reading standard input, naming the last line it read; the re-run file holds exactly the original lines of the
 * failed events. After a restart, re-running that file plus the input after that line exits 0 and RAW then holds
 * every input line (at least once) and the DLQ nothing.
 *
 * <p>Once the producer has lost every broker it re-bootstraps and forgets the topics' metadata, so a send before the
 * breaker opens may block for {@code max.block.ms}: the test sets {@code kafka.max.block.ms=100}.
 */
class BrokerDownMidRunTest {

    private static final int LINES = 3_000;
    private static final int BEFORE_STOP = 2_500;
    /**
     * With {@code kafka.max.block.ms=100} the first sends of a fresh run may fail waiting for the topic's first
     * metadata on a loaded machine (docs/operations.md says so); that many are allowed before the stop.
     */
    private static final int SLOW_FIRST_METADATA = 3;

    @TempDir
    Path dir;

    @Test
    void givenTheBrokerDownLongerThanTheDeliveryTimeout_thenTheUnacknowledgedLinesAreRerunAfterItsReturn()
            throws Exception {
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < LINES; i++) {
            // odd spacing and non-ASCII: the re-run file must hold the original bytes, not a re-encoding
            lines.add("{ \"order_id\":\"ö-" + i + "\", \"amount\": " + i + ".5 }");
        }
        byte[] input = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        int stopAt = (String.join("\n", lines.subList(0, BEFORE_STOP)) + "\n").getBytes(StandardCharsets.UTF_8).length;

        try (EmbeddedKafkaCluster cluster =
                EmbeddedKafkaCluster.start(EmbeddedKafkaConfig.defaults().withBaseDirectory(dir.resolve("kafka")))) {
            String servers = cluster.bootstrapServers();
            String prefix = "outage";
            String raw = prefix + ".orders.raw";
            String dlq = prefix + ".orders.dlq";
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
                admin.createTopics(List.of(new NewTopic(raw, 3, (short) 1), new NewTopic(dlq, 3, (short) 1)))
                        .all()
                        .get();
            }
            Admin offsets = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    servers,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                    5_000,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                    5_000));
            InputStream stdin = new BrokerStoppingInput(
                    input,
                    stopAt,
                    BEFORE_STOP - SLOW_FIRST_METADATA,
                    () -> endOffsets(offsets, raw),
                    () -> cluster.stopBroker(0));
            String[] common = {
                "--bootstrap-servers",
                servers,
                "--topic-prefix",
                prefix,
                "--set",
                "delivery.timeout.ms=6000",
                "--set",
                "request.timeout.ms=2000",
                "--set",
                "kafka.max.block.ms=100",
                "--set",
                "outage.fail.after.ms=3000",
                // fewer in flight than the lines after the stop: the breaker stops the run with lines not read
                "--set",
                "max.in.flight.events=200"
            };

            InputStream original = System.in;
            OutageCli.Result first;
            try {
                System.setIn(stdin);
                first = new OutageCli(dir)
                        .run(concat(
                                new String[] {
                                    "produce",
                                    "--dataset",
                                    "orders",
                                    "--key-field",
                                    "order_id",
                                    "--file",
                                    "-",
                                    "--failed-file",
                                    "rerun.jsonl"
                                },
                                common));
            } finally {
                System.setIn(original);
                offsets.close();
            }
            System.out.printf(
                    "first run (%d ms), exit %d:%n%s%s%n", first.millis(), first.code(), first.out(), first.err());

            assertThat(first.code()).isEqualTo(1);
            long failed = count(first.out(), "failed:");
            long published = count(first.out(), "published:");
            assertThat(failed).isPositive();
            assertThat(published).isGreaterThanOrEqualTo(BEFORE_STOP - SLOW_FIRST_METADATA);
            // standard input is not read to its end after the stop (it could be endless): the summary says where
            java.util.regex.Matcher after = java.util.regex.Pattern.compile(
                            "not read: +standard input after line (\\d+), which cannot be resumed")
                    .matcher(first.out());
            assertThat(after.find())
                    .as("the line after which stdin was not read")
                    .isTrue();
            int readLines = Integer.parseInt(after.group(1));
            long notRead = LINES - readLines;
            assertThat(notRead).as("lines not read once the breaker opened").isPositive();
            assertThat(first.out())
                    .contains("Kafka cluster unreachable since ")
                    .contains("bootstrap servers " + servers);
            assertThat(published + failed).isEqualTo(readLines);
            assertThat(first.out()).containsPattern("dead-lettered: 0\\R");
            assertThat(first.out()).containsPattern("  key ö-\\d+: .+");
            List<String> rerun = Files.readAllLines(dir.resolve("rerun.jsonl"), StandardCharsets.UTF_8);
            assertThat(rerun).hasSize((int) failed).doesNotHaveDuplicates();
            assertThat(new HashSet<>(lines.subList(0, readLines))).containsAll(rerun);
            // what docs/operations.md tells the user: the re-run file, then the input after that line
            Files.write(
                    dir.resolve("rerun.jsonl"),
                    lines.subList(readLines, LINES),
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);

            cluster.restartBroker(0);
            // the re-run with ordinary settings: a 100 ms max.block.ms could not even fetch the first metadata
            OutageCli.Result second = new OutageCli(dir)
                    .run(
                            "produce",
                            "--dataset",
                            "orders",
                            "--key-field",
                            "order_id",
                            "--file",
                            "rerun.jsonl",
                            "--output",
                            "json",
                            "--bootstrap-servers",
                            servers,
                            "--topic-prefix",
                            prefix);
            System.out.printf(
                    "re-run (%d ms), exit %d:%n%s%s%n", second.millis(), second.code(), second.out(), second.err());
            assertThat(second.code()).as(second.err()).isZero();
            assertThat(second.out())
                    .contains("\"published\":" + (failed + notRead))
                    .contains("\"failed\":0");

            KafkaEndpoint endpoint = KafkaEndpoint.of(servers);
            List<ConsumerRecord<byte[], byte[]>> records = endpoint.consumeAll(raw, LINES, Duration.ofSeconds(60));
            Map<String, Integer> byPayload = new HashMap<>();
            records.forEach(r -> byPayload.merge(new String(r.value(), StandardCharsets.UTF_8), 1, Integer::sum));
            Set<String> missing =
                    lines.stream().filter(l -> !byPayload.containsKey(l)).collect(Collectors.toSet());
            System.out.printf(
                    "RAW holds %d records, %d distinct payloads, %d input lines missing%n",
                    records.size(), byPayload.size(), missing.size());
            assertThat(missing).isEmpty();
            assertThat(byPayload).hasSize(LINES);
            assertThat(endpoint.consumeAll(dlq, 1, Duration.ofSeconds(3))).isEmpty();
        }
    }

    private static long endOffsets(Admin admin, String topic) {
        try {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            for (int p = 0; p < 3; p++) {
                request.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            return admin.listOffsets(request).all().get().values().stream()
                    .mapToLong(i -> i.offset())
                    .sum();
        } catch (ExecutionException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static long count(String summary, String label) {
        return summary.lines()
                .filter(l -> l.startsWith(label))
                .findFirst()
                .map(l -> Long.parseLong(l.substring(label.length()).trim().split("\\s+")[0]))
                .orElseThrow(() -> new AssertionError("no '" + label + "' in " + summary));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
