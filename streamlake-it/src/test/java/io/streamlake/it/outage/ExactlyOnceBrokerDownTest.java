package io.streamlake.it.outage;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.embedded.EmbeddedKafkaCluster;
import io.streamlake.embedded.EmbeddedKafkaConfig;
import io.streamlake.test.KafkaEndpoint;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code delivery.guarantee=exactly-once} and the only broker stopped mid-run: the run ends with exit 1 within
 * {@code outage.fail.after.ms} + {@code delivery.timeout.ms} + {@code kafka.max.block.ms} + a margin (it neither waits for the cluster's return
 * nor hangs closing the producer), and after a restart {@code --resume} lands every line on RAW exactly once for a
 * {@code read_committed} reader.
 */
class ExactlyOnceBrokerDownTest {

    private static final int LINES = 300_000;
    /** One transaction: the broker stops inside the second one, with records in flight. */
    private static final int CHUNK = 50_000;

    private static final long OUTAGE_FAIL_AFTER_MS = 3_000;
    private static final long DELIVERY_TIMEOUT_MS = 6_000;
    /** A send that was waiting for metadata when the broker went, or the commit, waits this long at most. */
    private static final long MAX_BLOCK_MS = 5_000;

    private static final long MARGIN_MS = 20_000;

    @TempDir
    Path dir;

    @Test
    void givenTheBrokerStoppedMidRun_thenTheRunEndsInTimeWithExit1AndResumeLandsEveryLineOnce() throws Exception {
        writeFile(dir.resolve("orders.jsonl"));
        try (EmbeddedKafkaCluster cluster =
                EmbeddedKafkaCluster.start(EmbeddedKafkaConfig.defaults().withBaseDirectory(dir.resolve("kafka")))) {
            String servers = cluster.bootstrapServers();
            String raw = "eosoutage.orders.raw";
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
                admin.createTopics(List.of(
                                new NewTopic(raw, 3, (short) 1), new NewTopic("eosoutage.orders.dlq", 3, (short) 1)))
                        .all()
                        .get();
            }
            String[] run = {
                "produce",
                "--dataset",
                "orders",
                "--key-field",
                "order_id",
                "--file",
                "orders.jsonl",
                "--bootstrap-servers",
                servers,
                "--topic-prefix",
                "eosoutage",
                "--set",
                "delivery.guarantee=exactly-once",
                "--set",
                "transaction.max.events=" + CHUNK,
                "--set",
                "transaction.max.ms=30000",
                "--set",
                "delivery.timeout.ms=" + DELIVERY_TIMEOUT_MS,
                "--set",
                "request.timeout.ms=2000",
                "--set",
                "outage.fail.after.ms=" + OUTAGE_FAIL_AFTER_MS,
                "--set",
                "kafka.max.block.ms=" + MAX_BLOCK_MS
            };
            CompletableFuture<OutageCli.Result> first =
                    CompletableFuture.supplyAsync(() -> new OutageCli(dir).run(run));
            try (Admin offsets = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    servers,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                    5_000,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                    5_000))) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (committed(offsets, raw) < CHUNK && !first.isDone()) {
                    assertThat(System.nanoTime()).as("lines committed in time").isLessThan(deadline);
                    Thread.sleep(50);
                }
            }
            // inside the second transaction, with records sent and not yet acknowledged
            Thread.sleep(700);
            assertThat(first).as("the run is still going when the broker stops").isNotDone();
            cluster.stopBroker(0);
            long stopped = System.nanoTime();

            OutageCli.Result result;
            long bound = OUTAGE_FAIL_AFTER_MS + DELIVERY_TIMEOUT_MS + MAX_BLOCK_MS + MARGIN_MS;
            try {
                result = first.get(bound, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError(
                        "the run did not end within " + bound + " ms of the broker's stop; its threads:\n"
                                + threadDump(),
                        e);
            }
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped);
            System.out.printf(
                    "ExactlyOnceBrokerDownTest: ended %d ms after the stop, exit %d%n%s%s%n",
                    tookMs, result.code(), result.out(), result.err());
            assertThat(result.code()).as(result.out() + result.err()).isEqualTo(1);
            assertThat(result.out()).contains("--resume");

            cluster.restartBroker(0);
            String[] resume = java.util.Arrays.copyOf(run, run.length + 1);
            resume[run.length] = "--resume";
            OutageCli.Result second = new OutageCli(dir).run(resume);
            System.out.printf("resumed: exit %d%n%s%s%n", second.code(), second.out(), second.err());
            assertThat(second.code()).as(second.out() + second.err()).isZero();
            assertThat(second.err()).contains("resuming orders.jsonl at line ");

            List<String> ids = readCommitted(servers, raw);
            assertThat(ids).as("every line on RAW once").hasSize(LINES);
            assertThat(new HashSet<>(ids)).hasSize(LINES);
        }
    }

    private static String threadDump() {
        StringBuilder dump = new StringBuilder();
        for (java.lang.management.ThreadInfo thread :
                java.lang.management.ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            dump.append('"').append(thread.getThreadName()).append("\" ").append(thread.getThreadState());
            if (thread.getLockName() != null) {
                dump.append(" on ").append(thread.getLockName());
            }
            dump.append('\n');
            for (StackTraceElement frame : thread.getStackTrace()) {
                dump.append("\tat ").append(frame).append('\n');
            }
        }
        return dump.toString();
    }

    private static void writeFile(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int n = 1; n <= LINES; n++) {
                out.write("{\"order_id\":\"o-" + n + "\",\"amount\":" + n + "}\n");
            }
        }
    }

    /** RAW's last stable offsets, summed: roughly the committed records. */
    private static long committed(Admin admin, String topic) throws InterruptedException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < 3; p++) {
            request.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        try {
            return admin
                    .listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .all()
                    .get()
                    .values()
                    .stream()
                    .mapToLong(i -> i.offset())
                    .sum();
        } catch (ExecutionException e) {
            return 0;
        }
    }

    private static List<String> readCommitted(String servers, String topic) {
        return KafkaEndpoint.of(servers)
                .readToEnd(
                        topic, Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), Duration.ofSeconds(120))
                .stream()
                .map(r -> new String(r.value(), StandardCharsets.UTF_8).replaceAll("^.*?(o-\\d+).*$", "$1"))
                .toList();
    }
}
