package io.streamlake.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.streamlake.core.domain.HeaderNames;
import io.streamlake.core.domain.Timestamps;
import io.streamlake.core.port.out.IdGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code cli-file}'s floor: kafka-clients alone, as a whole process, sending the records {@code streamlake produce
 * --file} sends for a JSON Lines file, and nothing else. Per line: the line's bytes as the value, the key field's string
 * value cut out of the line by a byte search (no JSON parse, no validation), the wall clock as timestamp and StreamLake's
 * six headers in its order, with a fresh UUID {@code ingestion_id} and the {@code event_time} formatted as StreamLake
 * formats it; the constant header values are encoded once. Lines are read as bytes through one 64 KiB buffer. The
 * producer is a {@code KafkaProducer<byte[], byte[]>} with the settings given as {@code --producer-property}
 * (the bench passes the StreamLake adapter's own {@code producerProperties()}).
 *
 * <p>What it measures is what any Java program built on kafka-clients pays to write these records: JVM start, the JIT
 * and kafka-clients' own per-record cost with six headers. The difference to {@code produce --file} is StreamLake's
 * layer (parse, validate, metadata, metrics, outcome accounting) and the code it adds for the JIT to compile.
 *
 * <p>Usage: {@code RawFileProducer --bootstrap-servers B --topic T --file F --key-field K --dataset D
 * [--producer-property NAME=VALUE]...}. Exit 0 when every line was acknowledged, 1 when a send failed (the first error
 * on stderr), 2 on a usage error.
 */
public final class RawFileProducer {

    private static final int BUFFER_BYTES = 1 << 16;
    private static final byte[] SCHEMA_VERSION = Workload.SCHEMA_VERSION.getBytes(UTF_8);
    private static final byte[] PRODUCER_SERVICE = HeaderNames.DEFAULT_PRODUCER_SERVICE.getBytes(UTF_8);
    private static final byte[] CONTENT_TYPE = HeaderNames.CONTENT_TYPE_JSON.getBytes(UTF_8);

    private final byte[] keyPattern;
    private final byte[] dataset;
    private final IdGenerator ids = IdGenerator.randomUuids();

    RawFileProducer(String keyField, String dataset) {
        this.keyPattern = ("\"" + keyField + "\":\"").getBytes(UTF_8);
        this.dataset = dataset.getBytes(UTF_8);
    }

    public static void main(String[] args) {
        Map<String, Object> props = new LinkedHashMap<>();
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                usage("missing a value after " + args[i]);
            }
            String value = args[i + 1];
            if (args[i].equals("--producer-property")) {
                int eq = value.indexOf('=');
                if (eq < 1) {
                    usage("--producer-property takes NAME=VALUE, got " + value);
                }
                props.put(value.substring(0, eq), value.substring(eq + 1));
            } else {
                flags.put(args[i], value);
            }
        }
        for (String required : new String[] {"--bootstrap-servers", "--topic", "--file", "--key-field", "--dataset"}) {
            if (!flags.containsKey(required)) {
                usage("missing " + required);
            }
        }
        props.put("bootstrap.servers", flags.get("--bootstrap-servers"));
        try {
            long sent = new RawFileProducer(flags.get("--key-field"), flags.get("--dataset"))
                    .send(Path.of(flags.get("--file")), flags.get("--topic"), props);
            System.out.println("published: " + sent);
        } catch (IOException | RuntimeException e) {
            System.err.println("raw producer: " + e);
            System.exit(1);
        }
    }

    private static void usage(String why) {
        System.err.println("RawFileProducer: " + why);
        System.exit(2);
    }

    /**
     * Sends every non-empty line of {@code file} to {@code topic} and waits for every acknowledgement.
     *
     * @return the number of records acknowledged
     * @throws IOException           when the file cannot be read
     * @throws IllegalStateException when a send failed (with the first failure as cause)
     */
    long send(Path file, String topic, Map<String, Object> props) throws IOException {
        AtomicLong acked = new AtomicLong();
        Exception[] firstFailure = new Exception[1];
        long lines;
        try (Producer<byte[], byte[]> producer =
                        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
                InputStream in = Files.newInputStream(file)) {
            lines = forEachLine(
                    in,
                    line -> producer.send(record(topic, line), (metadata, error) -> count(acked, firstFailure, error)));
            producer.flush();
        }
        synchronized (firstFailure) {
            if (firstFailure[0] != null) {
                throw new IllegalStateException(
                        (lines - acked.get()) + " of " + lines + " records failed", firstFailure[0]);
            }
        }
        return acked.get();
    }

    /**
     * Hands every non-empty line of {@code in} (without its {@code \n}) to {@code sink}, each in an array of its own,
     * read through one buffer of 64 KiB that doubles for a longer line.
     *
     * @return the number of lines handed on
     */
    static long forEachLine(InputStream in, Consumer<byte[]> sink) throws IOException {
        byte[] buffer = new byte[BUFFER_BYTES];
        long lines = 0;
        int start = 0;
        int end = 0;
        while (true) {
            int newline = indexOf(buffer, (byte) '\n', start, end);
            if (newline >= 0) {
                if (newline > start) {
                    sink.accept(Arrays.copyOfRange(buffer, start, newline));
                    lines++;
                }
                start = newline + 1;
                continue;
            }
            if (start == 0 && end == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            } else {
                System.arraycopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }
            int read = in.read(buffer, end, buffer.length - end);
            if (read < 0) {
                if (end > start) {
                    sink.accept(Arrays.copyOfRange(buffer, start, end));
                    lines++;
                }
                return lines;
            }
            end += read;
        }
    }

    private static void count(AtomicLong acked, Exception[] firstFailure, Exception error) {
        if (error == null) {
            acked.incrementAndGet();
            return;
        }
        synchronized (firstFailure) {
            if (firstFailure[0] == null) {
                firstFailure[0] = error;
            }
        }
    }

    /** The record of one line: key cut out of it, the line as value, the wall clock as timestamp, six headers. */
    ProducerRecord<byte[], byte[]> record(String topic, byte[] line) {
        Instant now = Instant.now();
        Header[] headers = {
            new RecordHeader(HeaderNames.DATASET, dataset),
            new RecordHeader(HeaderNames.SCHEMA_VERSION, SCHEMA_VERSION),
            new RecordHeader(HeaderNames.INGESTION_ID, ids.newIngestionId().getBytes(UTF_8)),
            new RecordHeader(HeaderNames.EVENT_TIME, Timestamps.format(now).getBytes(UTF_8)),
            new RecordHeader(HeaderNames.PRODUCER_SERVICE, PRODUCER_SERVICE),
            new RecordHeader(HeaderNames.CONTENT_TYPE, CONTENT_TYPE)
        };
        return new ProducerRecord<>(topic, null, now.toEpochMilli(), key(line), line, new RecordHeaders(headers));
    }

    /** The key field's string value, or no key when the line has none. */
    byte[] key(byte[] line) {
        int at = indexOf(line, keyPattern);
        if (at < 0) {
            return null;
        }
        int from = at + keyPattern.length;
        int to = indexOf(line, (byte) '"', from, line.length);
        return to < 0 ? null : Arrays.copyOfRange(line, from, to);
    }

    private static int indexOf(byte[] bytes, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] bytes, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= bytes.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
