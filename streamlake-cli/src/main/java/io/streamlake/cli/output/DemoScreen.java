package io.streamlake.cli.output;

import io.streamlake.core.domain.BatchSummary;
import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.DeadLetter;
import io.streamlake.core.domain.RecordedDeadLetter;
import io.streamlake.core.domain.TopicNaming;
import io.streamlake.kafka.provision.ProvisioningResult;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Collects what the demo did and prints it as one screen. Used from one thread. */
public final class DemoScreen {

    private final PrintWriter out;
    private final TopicNaming naming;
    private final DatasetName dataset;
    private final Map<Integer, Map<String, Integer>> keysByPartition = new TreeMap<>();
    private final Map<String, Integer> reasons = new TreeMap<>();
    private final List<String> deadLetterSamples = new ArrayList<>();
    private RecordView firstEvent;
    private String sourceDirectory = "";
    private long rawCount;
    private long dlqCount;

    public DemoScreen(PrintWriter out, TopicNaming naming, DatasetName dataset) {
        this.out = out;
        this.naming = naming;
        this.dataset = dataset;
    }

    public void header(String bootstrap, String registry, String serialization) {
        out.println("StreamLake demo — dataset '" + dataset + "', serialization " + serialization);
        out.println("  Kafka " + bootstrap + ", Schema Registry " + registry);
    }

    public void provisioned(ProvisioningResult result) {
        out.printf(
                "  topics: %s (%d partitions), %s (%d partitions)%n",
                result.raw().name(),
                result.raw().partitions(),
                result.deadLetter().name(),
                result.deadLetter().partitions());
    }

    public void registered(String label, String subject, int id) {
        out.printf("  schema %s registered under %s as id %d%n", label, subject, id);
    }

    public void ingested(BatchSummary summary) {
        out.printf(
                "  ingested %d events: %d published, %d dead-lettered, %d not acknowledged%n",
                summary.total(), summary.published(), summary.deadLettered(), summary.failed());
    }

    /** Ingested through Kafka Connect: the counts are those read back from RAW and the DLQ. */
    public void ingestedThroughConnect(String url, String connector, int tasks, boolean exactlyOnce) {
        out.printf(
                "  ingested through Kafka Connect (%s, connector %s, up to %d task%s, %s): %d events: %d published, "
                        + "%d dead-lettered, 0 not acknowledged%n",
                url,
                connector,
                tasks,
                tasks == 1 ? "" : "s",
                exactlyOnce ? "exactly-once" : "at-least-once",
                rawCount + dlqCount,
                rawCount,
                dlqCount);
    }

    /** Dead letters' reasons name their source file without this directory (the demo's temporary input). */
    public void sourceDirectory(String directory) {
        this.sourceDirectory = directory.endsWith("/") ? directory : directory + "/";
    }

    public void raw(RecordView view) {
        rawCount++;
        keysByPartition
                .computeIfAbsent(view.partition(), p -> new TreeMap<>())
                .merge(String.valueOf(view.key()), 1, Integer::sum);
        if (firstEvent == null) {
            firstEvent = view;
        }
    }

    public void deadLetter(RecordedDeadLetter recorded) {
        dlqCount++;
        DeadLetter dl = recorded.deadLetter();
        String text = sourceDirectory.isEmpty() ? dl.reason() : dl.reason().replace(sourceDirectory, "");
        String reason = dl.stage().wireName() + ": " + oneLine(text, 110);
        reasons.merge(reason, 1, Integer::sum);
        if (deadLetterSamples.size() < 3) {
            deadLetterSamples.add(recorded.position() + " key=" + dl.key() + " payload="
                    + oneLine(new String(dl.originalPayload(), StandardCharsets.UTF_8), 60));
        }
    }

    public void print() {
        out.println();
        out.printf(
                "RAW %s: %d events per partition and key (same key, same partition)%n", naming.raw(dataset), rawCount);
        keysByPartition.forEach((partition, keys) -> {
            StringBuilder line = new StringBuilder();
            keys.forEach((k, n) -> line.append(' ').append(k).append('×').append(n));
            out.printf(
                    "  partition %d: %3d events, keys:%s%n",
                    partition,
                    keys.values().stream().mapToInt(Integer::intValue).sum(),
                    line);
        });
        out.println();
        out.printf("DLQ %s: %d dead letters%n", naming.deadLetter(dataset), dlqCount);
        reasons.forEach((reason, n) -> out.printf("  %2d × %s%n", n, reason));
        deadLetterSamples.forEach(s -> out.println("  e.g. " + s));
        if (firstEvent != null) {
            out.println();
            out.printf(
                    "headers of one event (partition %d, offset %d, key %s):%n",
                    firstEvent.partition(), firstEvent.offset(), firstEvent.key());
            firstEvent.headers().forEach((h, v) -> out.printf("  %-17s %s%n", h, v));
            out.println("  value: " + oneLine(firstEvent.value(), 100));
        }
        out.flush();
    }

    private static String oneLine(String text, int max) {
        String line = text.replaceAll("\\s+", " ").replaceAll("\\p{Cntrl}", "?");
        return line.length() > max ? line.substring(0, max - 1) + "…" : line;
    }
}
