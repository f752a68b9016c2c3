package io.streamlake.it.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.it.support.StreamLakeIntegrationTest;
import io.streamlake.test.KafkaEndpoint;
import io.streamlake.test.RegistryEndpoint;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code delivery.guarantee=exactly-once}: {@code streamlake produce --file} in a child JVM, killed with
 * {@code kill -9} ({@code destroyForcibly}) at random points after some transactions were committed, each time
 * followed by {@code --resume}, the last run to the end. A {@code read_committed} read of RAW then holds every valid
 * line exactly once, and the DLQ every bad line exactly once, with its own line number. The seed of the kill points
 * is printed ({@code -Dstreamlake.it.eos.seed=N} repeats a run).
 */
@StreamLakeIntegrationTest
class CliExactlyOnceTest {

    private static final int LINES = 200_000;
    private static final Pattern PROGRESS = Pattern.compile("^progress: (\\d+) read, (\\d+) published, (\\d+) dead");

    private final KafkaEndpoint kafka;
    private final RegistryEndpoint registry;
    private Cli cli;

    @TempDir
    Path dir;

    CliExactlyOnceTest(KafkaEndpoint kafka, RegistryEndpoint registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    @BeforeEach
    void provision() {
        cli = new Cli(kafka, registry, dir);
        Cli.Result created = cli.run("topics", "create", "--dataset", "orders", "--partitions", "3");
        assertThat(created.code()).as(created.err()).isZero();
    }

    /** Line n (1-based) is bad when n % 1000 == 7 (malformed JSON) or n % 1000 == 500 (no amount: invalid). */
    private static boolean bad(int n) {
        return n % 1000 == 7 || n % 1000 == 500;
    }

    private Path writeFile(String name, int lines) throws IOException {
        Path file = dir.resolve(name);
        try (Writer out = Files.newBufferedWriter(file, UTF_8)) {
            for (int n = 1; n <= lines; n++) {
                if (n % 1000 == 7) {
                    out.write("{\"order_id\":\"o-" + n + "\",\"amount\": oops\n");
                } else if (n % 1000 == 500) {
                    out.write("{\"order_id\":\"o-" + n + "\"}\n");
                } else {
                    out.write("{\"order_id\":\"o-" + n + "\",\"amount\":" + n + "}\n");
                }
            }
        }
        return file;
    }

    @Test
    void givenKill9AtRandomPointsEachFollowedByResume_thenReadCommittedSeesEveryLineExactlyOnce() throws Exception {
        writeFile("orders.jsonl", LINES);
        long seed = Long.getLong("streamlake.it.eos.seed", System.nanoTime());
        System.out.printf("CliExactlyOnceTest seed %d (-Dstreamlake.it.eos.seed=%d repeats it)%n", seed, seed);
        Random random = new Random(seed);
        long committedBefore = 0;
        for (int kill = 0; kill < 3; kill++) {
            // kill once this run committed 5–20 % of the file more, then 0–150 ms later (inside a transaction, mostly)
            long target = committedBefore + (long) (LINES * (0.05 + 0.15 * random.nextDouble()));
            int delayMs = random.nextInt(150);
            Child child = start(kill > 0);
            long committed = child.awaitCommitted(target - committedBefore, Duration.ofSeconds(60));
            assertThat(committed)
                    .as("run %d committed %d lines before its kill; stderr:%n%s", kill, target, child.err)
                    .isGreaterThanOrEqualTo(target - committedBefore);
            Thread.sleep(delayMs);
            child.process.destroyForcibly();
            assertThat(child.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            committedBefore += child.lastCommitted.get();
            System.out.printf(
                    "CliExactlyOnceTest kill %d: at least %d lines committed in all (%d ms after %d)%n",
                    kill, committedBefore, delayMs, target);
        }
        Child last = start(true);
        assertThat(last.process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = last.out.get(10, TimeUnit.SECONDS);
        assertThat(last.process.exitValue())
                .as("stdout:%n%s%nstderr:%n%s", out, String.join("\n", last.err))
                .isZero();
        assertThat(String.join("\n", last.err)).contains("resuming orders.jsonl at line ");
        assertThat(out)
                .contains("exactly-once:")
                .contains("line " + LINES + ", byte ")
                .contains("the end of the file");

        assertEveryLineExactlyOnce();
    }

    @Test
    void givenSigtermAfterSomeCommits_thenExit143WithTheCheckpointAndResumeLandsEveryLineExactlyOnce()
            throws Exception {
        writeFile("orders.jsonl", LINES);
        Child child = start(false);
        assertThat(child.awaitCommitted(LINES / 4, Duration.ofSeconds(60)))
                .as("stderr:%n%s", child.err)
                .isGreaterThanOrEqualTo(LINES / 4);
        Process kill = new ProcessBuilder("kill", "-TERM", Long.toString(child.process.pid()))
                .inheritIO()
                .start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(child.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = child.out.get(10, TimeUnit.SECONDS);
        String err = String.join("\n", child.err);
        System.out.printf("CliExactlyOnceTest SIGTERM: exit %d%n%s%n%s%n", child.process.exitValue(), err, out);

        assertThat(child.process.exitValue())
                .as("stdout:%n%s%nstderr:%n%s", out, err)
                .isEqualTo(143);
        assertThat(err).contains("SIGTERM: reading stopped; committing the open transaction");
        assertThat(out)
                .containsPattern("not read: +\\d+  \\(stopped by SIGTERM\\)")
                .contains("continue with the same command and --resume")
                .doesNotContain("aborted:")
                .doesNotContain("open:");
        long line = Long.parseLong(out.replaceAll("(?s).*checkpoint: line (\\d+),.*", "$1"));
        long published = Long.parseLong(out.replaceAll("(?s).*published: +(\\d+).*", "$1"));
        long dead = Long.parseLong(out.replaceAll("(?s).*dead-lettered: +(\\d+).*", "$1"));
        long notRead = Long.parseLong(out.replaceAll("(?s).*not read: +(\\d+).*", "$1"));
        assertThat(published + dead)
                .as("every line read was committed before the exit")
                .isEqualTo(line);
        assertThat(line + notRead).isEqualTo(LINES);

        Child resumed = start(true);
        assertThat(resumed.process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String resumedOut = resumed.out.get(10, TimeUnit.SECONDS);
        assertThat(resumed.process.exitValue())
                .as("stdout:%n%s%nstderr:%n%s", resumedOut, String.join("\n", resumed.err))
                .isZero();
        assertThat(String.join("\n", resumed.err)).contains("resuming orders.jsonl at line " + (line + 1) + " ");
        assertEveryLineExactlyOnce();
    }

    private void assertEveryLineExactlyOnce() {
        Map<String, Object> committedOnly = Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<byte[], byte[]>> raw = readToEnd(cli.raw("orders"), committedOnly);
        List<ConsumerRecord<byte[], byte[]>> dlq = readToEnd(cli.dlq("orders"), committedOnly);
        long everWritten = kafka.recordsWritten(cli.raw("orders"));
        System.out.printf(
                "CliExactlyOnceTest: RAW %d committed records of %d offsets written (aborted records and "
                        + "transaction markers take the rest), DLQ %d%n",
                raw.size(), everWritten, dlq.size());

        List<String> rawIds = new ArrayList<>();
        raw.forEach(r -> rawIds.add(new String(r.value(), UTF_8).replaceAll("^\\{\"order_id\":\"(o-\\d+)\".*$", "$1")));
        Set<String> expectedIds = new HashSet<>();
        Set<Long> expectedBadLines = new TreeSet<>();
        for (int n = 1; n <= LINES; n++) {
            if (bad(n)) {
                expectedBadLines.add((long) n);
            } else {
                expectedIds.add("o-" + n);
            }
        }
        assertThat(rawIds).as("each valid line on RAW once").hasSize(expectedIds.size());
        assertThat(new HashSet<>(rawIds)).isEqualTo(expectedIds);

        List<Long> badLines = new ArrayList<>();
        dlq.forEach(r -> badLines.add(Long.parseLong(header(r, "dlq_source_line"))));
        assertThat(badLines).as("each bad line on the DLQ once").hasSize(expectedBadLines.size());
        assertThat(new TreeSet<>(badLines)).isEqualTo(expectedBadLines);
        for (ConsumerRecord<byte[], byte[]> r : dlq) {
            long line = Long.parseLong(header(r, "dlq_source_line"));
            assertThat(new String(r.value(), UTF_8))
                    .as("the dead letter of line %d keeps that line", line)
                    .contains("o-" + line);
        }
    }

    @Test
    void givenStdinWithExactlyOnce_thenExit2NamingTheSettingBeforeAnythingIsSent() {
        Cli.Result result =
                cli.run("produce", "--dataset", "orders", "--file", "-", "--set", "delivery.guarantee=exactly-once");

        assertThat(result.code()).as(result.out() + result.err()).isEqualTo(2);
        assertThat(result.err()).contains("delivery.guarantee=exactly-once needs --file PATH");
        assertThat(kafka.recordsWritten(cli.raw("orders"))).isZero();
    }

    @Test
    void givenAnUnknownGuarantee_thenExit2NamingTheKey() {
        Cli.Result result = cli.run(
                "produce", "--dataset", "orders", "--file", "x.jsonl", "--set", "delivery.guarantee=exactly-twice");

        assertThat(result.code()).as(result.out() + result.err()).isEqualTo(2);
        assertThat(result.err()).contains("delivery.guarantee").contains("exactly-twice");
    }

    @Test
    void givenACommittedFileChangedSince_thenResumeIsRefusedWithExit2NamingWhatDiffers() throws IOException {
        Path file = writeFile("small.jsonl", 30);
        Cli.Result first = eos("small.jsonl");
        assertThat(first.code()).as(first.out() + first.err()).isZero();
        assertThat(first.out())
                .contains("published:     29")
                .contains("dead-lettered: 1")
                .contains("5 transactions committed");

        Cli.Result again = eos("small.jsonl", "--resume");
        assertThat(again.code()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains("published:     0").contains("the end of the file");

        List<String> lines = new ArrayList<>(Files.readAllLines(file, UTF_8));
        lines.set(0, "{\"order_id\":\"o-1\",\"amount\":999}");
        Files.write(file, lines, UTF_8);
        Cli.Result changed = eos("small.jsonl", "--resume");

        assertThat(changed.code()).as(changed.out() + changed.err()).isEqualTo(2);
        assertThat(changed.err())
                .contains("small.jsonl changed since its last checkpoint")
                .contains("SHA-256 of its first");
        assertThat(readToEnd(cli.raw("orders"), Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")))
                .hasSize(29);
    }

    @Test
    void givenAnotherRunHoldingTheFile_thenAResumeRefusedForAChangedFileDoesNotFenceIt() throws Exception {
        Path file = writeFile("held.jsonl", 10);
        Cli.Result first = eos("held.jsonl");
        assertThat(first.code()).as(first.out() + first.err()).isZero();
        // the file's transactional.id, as KafkaAdapterConfig documents it (default transactional.id.prefix)
        byte[] digest =
                MessageDigest.getInstance("SHA-256").digest((cli.prefix() + "\n" + file.toRealPath()).getBytes(UTF_8));
        String transactionalId = "streamlake-orders-" + HexFormat.of().formatHex(digest, 0, 8);
        Map<String, Object> props = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                transactionalId,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class);
        try (KafkaProducer<byte[], byte[]> other = new KafkaProducer<>(props)) {
            other.initTransactions();
            other.beginTransaction();
            other.send(new ProducerRecord<>(cli.raw("orders"), "held".getBytes(UTF_8), "{}".getBytes(UTF_8)))
                    .get(30, TimeUnit.SECONDS);
            Files.writeString(file, "{\"order_id\":\"o-1\",\"amount\":999}\n", UTF_8);

            Cli.Result refused = eos("held.jsonl", "--resume");

            assertThat(refused.code()).as(refused.out() + refused.err()).isEqualTo(2);
            assertThat(refused.err()).contains("held.jsonl changed since its last checkpoint");
            // had the refused run initialized the file's producer, this one would be fenced and its transaction aborted
            other.commitTransaction();
        }
        assertThat(readToEnd(cli.raw("orders"), Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")))
                .extracting(r -> new String(r.key(), UTF_8))
                .contains("held");
    }

    private Cli.Result eos(String file, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "produce",
                "--dataset",
                "orders",
                "--file",
                file,
                "--key-field",
                "order_id",
                "--set",
                "delivery.guarantee=exactly-once",
                "--set",
                "transaction.max.events=7"));
        args.addAll(List.of(more));
        return cli.run(args.toArray(String[]::new));
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), UTF_8);
    }

    /** Every record of {@code topic} up to its end (for read_committed: the last stable offset). */
    private List<ConsumerRecord<byte[], byte[]>> readToEnd(String topic, Map<String, Object> extra) {
        return kafka.readToEnd(topic, extra, Duration.ofSeconds(60));
    }

    private record Child(Process process, CompletableFuture<String> out, List<String> err, AtomicLong lastCommitted) {

        /** Waits until the run's progress shows {@code lines} committed (published or dead-lettered). */
        long awaitCommitted(long lines, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (lastCommitted.get() < lines && process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            return lastCommitted.get();
        }
    }

    private Child start(boolean resume) throws IOException {
        List<String> args = CliChild.produceOrdersFile(
                kafka.bootstrapServers(),
                registry.url(),
                cli.prefix(),
                "--set",
                "delivery.guarantee=exactly-once",
                "--set",
                "transaction.max.events=2000",
                "--set",
                "progress.interval.ms=50");
        if (resume) {
            args.add("--resume");
        }
        AtomicLong committed = new AtomicLong();
        CliChild child = CliChild.start(
                dir,
                line -> {
                    Matcher m = PROGRESS.matcher(line);
                    if (m.find()) {
                        committed.set(Long.parseLong(m.group(2)) + Long.parseLong(m.group(3)));
                    }
                },
                args);
        return new Child(child.process(), child.out(), child.err(), committed);
    }
}
