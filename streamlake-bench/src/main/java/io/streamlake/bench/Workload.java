package io.streamlake.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.HeaderNames;
import io.streamlake.core.domain.Timestamps;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The records every scenario sends: a pool of distinct {@code orders} v2 events (JSON objects of exactly
 * {@code payloadBytes} bytes, padded through the order id, which is also the key), cycled to make N events. From
 * {@link #MIN_BYTES_WITH_CURRENCY} bytes on an event has an order id, an amount and a currency; below, down to
 * {@link #MIN_BYTES}, only the order id and the amount ({@code currency} is optional in v2), the shape of the short
 * lines people load with kcat ({@code {"order_id":"ord-00000042-a","amount":123.45}}).
 * For the raw baseline each pooled event also has its StreamLake header set precomputed (dataset, schema_version,
 * ingestion_id, event_time, producer_service, content_type), so the raw producer sends the same bytes on the wire
 * while paying nothing to build them. Immutable after construction; thread-safe.
 */
public final class Workload {

    public static final DatasetName DATASET = DatasetName.of("orders");
    public static final String KEY_FIELD = "order_id";
    /** The catalog version the payloads conform to (the dataset's latest). */
    public static final String SCHEMA_VERSION = "v2";

    public static final int MAX_POOL = 20_000;
    /** The smallest payload: {@code {"order_id":"ord-NNNNNNNN-x","amount":999.99}}. */
    public static final int MIN_BYTES = 45;
    /** The smallest payload that carries a currency; smaller ones have none. */
    public static final int MIN_BYTES_WITH_CURRENCY = 80;
    /** Between the key and the payload in {@link #writeKeyedLines} (no key or payload of this workload holds one). */
    public static final String KEY_SEPARATOR = "\t";

    private final byte[][] payloads;
    private final byte[][] keys;
    private final Header[][] headers;
    private final long[] timestamps;
    private final int payloadBytes;

    public Workload(int events, int payloadBytes) {
        int pool = Math.min(events, MAX_POOL);
        this.payloadBytes = payloadBytes;
        this.payloads = new byte[pool][];
        this.keys = new byte[pool][];
        this.headers = new Header[pool][];
        this.timestamps = new long[pool];
        Instant base = Instant.now();
        for (int i = 0; i < pool; i++) {
            String id = orderId(i, payloadBytes);
            payloads[i] = json(id, i, payloadBytes).getBytes(UTF_8);
            if (payloads[i].length != payloadBytes) {
                throw new IllegalStateException(
                        "payload " + i + " is " + payloads[i].length + " bytes, not " + payloadBytes);
            }
            keys[i] = id.getBytes(UTF_8);
            Instant time = base.plusNanos(i * 1_000L);
            timestamps[i] = time.toEpochMilli();
            headers[i] = new Header[] {
                new RecordHeader(HeaderNames.DATASET, DATASET.value().getBytes(UTF_8)),
                new RecordHeader(HeaderNames.SCHEMA_VERSION, SCHEMA_VERSION.getBytes(UTF_8)),
                new RecordHeader(
                        HeaderNames.INGESTION_ID, UUID.randomUUID().toString().getBytes(UTF_8)),
                new RecordHeader(HeaderNames.EVENT_TIME, Timestamps.format(time).getBytes(UTF_8)),
                new RecordHeader(HeaderNames.PRODUCER_SERVICE, HeaderNames.DEFAULT_PRODUCER_SERVICE.getBytes(UTF_8)),
                new RecordHeader(HeaderNames.CONTENT_TYPE, HeaderNames.CONTENT_TYPE_JSON.getBytes(UTF_8)),
            };
        }
    }

    private static String json(String orderId, int i, int payloadBytes) {
        return "{\"order_id\":\"" + orderId + "\",\"amount\":" + amount(i)
                + (payloadBytes >= MIN_BYTES_WITH_CURRENCY ? ",\"currency\":\"EUR\"}" : "}");
    }

    private static String amount(int i) {
        int cents = 100 + (i * 7919) % 99_900;
        return (cents / 100) + "." + (cents % 100 < 10 ? "0" : "") + (cents % 100);
    }

    /** {@code ord-00000042-} then filler up to the length that makes the JSON exactly {@code payloadBytes}. */
    private static String orderId(int i, int payloadBytes) {
        String digits = Integer.toString(i);
        String prefix = "ord-" + "00000000".substring(Math.min(8, digits.length())) + digits + "-";
        int fixed = json("", i, payloadBytes).length() + prefix.length();
        int filler = payloadBytes - fixed;
        if (filler < 0 || payloadBytes < MIN_BYTES) {
            throw new IllegalArgumentException("payload bytes " + payloadBytes + " is too small for an orders event");
        }
        StringBuilder id = new StringBuilder(prefix);
        for (int k = 0; k < filler; k++) {
            id.append((char) ('a' + (i + k) % 26));
        }
        return id.toString();
    }

    public int poolSize() {
        return payloads.length;
    }

    public int payloadBytes() {
        return payloadBytes;
    }

    /** The payload of event {@code n} (pooled events repeat every {@link #poolSize()}). */
    public byte[] payload(long n) {
        return payloads[(int) (n % payloads.length)];
    }

    public byte[] key(long n) {
        return keys[(int) (n % keys.length)];
    }

    /** The precomputed StreamLake header set of event {@code n}; callers must not modify it. */
    public Header[] headers(long n) {
        return headers[(int) (n % headers.length)];
    }

    public long timestamp(long n) {
        return timestamps[(int) (n % timestamps.length)];
    }

    /**
     * Writes {@code events} lines of key, {@link #KEY_SEPARATOR} and payload: what kcat ({@code -K}) and ConsoleProducer
     * ({@code parse.key}) read to send the same key and value as StreamLake.
     */
    public Path writeKeyedLines(Path file, long events) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] separator = KEY_SEPARATOR.getBytes(UTF_8);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (long n = 0; n < events; n++) {
                out.write(key(n));
                out.write(separator);
                out.write(payload(n));
                out.write('\n');
            }
        }
        return file;
    }

    /** Writes {@code events} payloads as JSON Lines, for the whole-process scenario. */
    public Path writeJsonLines(Path file, long events) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (long n = 0; n < events; n++) {
                out.write(payload(n));
                out.write('\n');
            }
        }
        return file;
    }
}
