package io.streamlake.bench;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one run of the bench measures. Each scenario has a name, used by {@code --scenarios} and as the label of its
 * runs and ratios in reports.
 */
public enum Scenario {
    /** Raw {@code KafkaProducer<byte[], byte[]>}, pre-serialized values and precomputed headers: the limit. */
    RAW("raw", "raw kafka-clients"),
    /** StreamLake through the core's stream ingestion, JSON, validation on. */
    JSON("json", "streamlake json"),
    /** StreamLake through the core's stream ingestion, Avro via the registry (ids cached). */
    AVRO("avro", "streamlake avro"),
    /** The raw producer with {@code flush()} after every event (small N): one broker round trip per event. */
    FLUSH_PER_EVENT("flush-per-event", "flush per event"),
    /**
     * Whole processes on the same lines: {@code streamlake produce --file} vs kcat like for like, plain kcat (when kcat
     * is found), and Kafka's {@code ConsoleProducer} with key and value and with key and headers. Its runs are
     * labelled {@code cli-file streamlake}, {@code cli-file kcat-like}, {@code cli-file kcat},
     * {@code cli-file console key+value}, {@code cli-file console} and (asked for) {@code cli-file console bare}.
     */
    CLI_FILE("cli-file", "streamlake produce --file vs kcat and ConsoleProducer"),
    /**
     * {@code streamlake produce --file} with {@code delivery.guarantee=exactly-once} (transactions committing the
     * file's checkpoint), a whole process on the same lines as {@code cli-file}, run in the same pairs; its runs are
     * labelled {@code cli-file exactly-once} and compared with {@code cli-file streamlake} (at-least-once).
     */
    CLI_FILE_EXACTLY_ONCE("cli-file-exactly-once", "streamlake produce --file, delivery.guarantee=exactly-once"),
    /**
     * {@code streamlake produce --file} of the same JSON lines with {@code --serialization avro} (the bench's
     * {@code --schema-registry-url}, else the in-memory {@code mock://bench} registry of the CLI's JVM), a whole
     * process, run in {@code cli-file}'s pairs right beside {@code cli-file streamlake} (which it implies); its runs
     * are labelled {@code cli-file avro} and compared with {@code cli-file streamlake} (JSON).
     */
    CLI_FILE_AVRO("cli-file-avro", "streamlake produce --file --serialization avro"),
    /**
     * The StreamLake file source connector on a Kafka Connect worker (in the bench's JVM, started once) with 1, 2 and
     * 4 tasks, against {@code streamlake produce --file} (a process) of the same file. Its runs are labelled
     * {@code connect-file 1 task}, {@code connect-file 2 tasks}, {@code connect-file 4 tasks} and
     * {@code connect-file produce}.
     */
    CONNECT_FILE("connect-file", "Kafka Connect file source, 1, 2 and 4 tasks, vs streamlake produce --file");

    private final String scenarioName;
    private final String description;

    Scenario(String scenarioName, String description) {
        this.scenarioName = scenarioName;
        this.description = description;
    }

    /** The name {@code --scenarios} accepts and reports print, e.g. {@code flush-per-event}. */
    public String scenarioName() {
        return scenarioName;
    }

    public String description() {
        return description;
    }

    /**
     * Every scenario's name, comma-separated, in declaration order:
     * {@code raw,json,avro,flush-per-event,cli-file,cli-file-exactly-once,cli-file-avro,connect-file}.
     */
    public static String names() {
        return Arrays.stream(values()).map(Scenario::scenarioName).collect(Collectors.joining(","));
    }

    /**
     * The scenario called {@code name} (case-insensitive, surrounding blanks ignored).
     *
     * @throws IllegalArgumentException naming {@code name} and the valid names
     */
    public static Scenario named(String name) {
        String n = name.trim();
        return Arrays.stream(values())
                .filter(s -> s.scenarioName.equalsIgnoreCase(n))
                .findFirst()
                .orElseThrow(() ->
                        new IllegalArgumentException("unknown scenario '" + n + "': expected some of " + names()));
    }

    /**
     * Parses a comma-separated list of names such as {@code raw,json} (case-insensitive).
     *
     * @throws IllegalArgumentException for an unknown name or an empty list, naming the valid names
     */
    public static Set<Scenario> parseList(String text) {
        Set<Scenario> out = EnumSet.noneOf(Scenario.class);
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                out.add(named(part));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no scenario given: expected some of " + names());
        }
        return out;
    }

    @Override
    public String toString() {
        return scenarioName;
    }
}
