package io.streamlake.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.streamlake.core.domain.HeaderNames;
import io.streamlake.core.domain.Timestamps;
import io.streamlake.core.port.out.IdGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The input of {@code cli-file}'s like-for-like baseline: for every line of {@link Workload#writeJsonLines}, a line for Kafka's
 * ConsoleProducer carrying what {@code streamlake produce} sends for it — StreamLake's six headers in its order
 * (dataset, schema_version, a fresh ingestion_id per line, event_time, producer_service, content_type), the key
 * ({@code order_id}) and the payload — read by Kafka's {@code org.apache.kafka.tools.LineMessageReader} with
 * {@link #READER_PROPERTIES}. Rendered before the timed run, so ConsoleProducer pays nothing to make them (as the
 * raw producer of {@code raw} pays nothing for its precomputed headers).
 *
 * <p>How the reader (Kafka 4.3.1) splits a line: the header list up to the first {@code headers.delimiter}, the key
 * up to the next {@code key.separator}, the value is the rest of the line; the header list is split with
 * {@code headers.separator} as a regular expression, each header at the first {@code headers.key.separator}. So a
 * header value must not contain the headers separator or a tab, a header name not the key separator, a key not a
 * tab; the value (JSON, no raw tab or newline in this workload) may contain anything else.
 */
final class ConsoleLines {

    /** Between the header list and the key, and between the key and the value. */
    static final String FIELD_SEPARATOR = "\t";
    /** Between two headers (a regular expression to the reader: no metacharacter). */
    static final String HEADERS_SEPARATOR = ",";
    /**
     * Between a header's name and its value. Not the reader's default {@code :}, which {@code event_time}'s value
     * contains: the reader splits at the first occurrence, so {@code :} would work, but {@code =} occurs in no header
     * name or value and leaves nothing to that detail.
     */
    static final String HEADER_KEY_SEPARATOR = "=";
    /** ConsoleProducer's {@code --reader-property} settings for these lines. */
    static final Map<String, String> READER_PROPERTIES = readerProperties();

    private ConsoleLines() {}

    /**
     * Writes the lines for events {@code 0 .. events-1} of {@code workload}; event_time is the wall clock (microsecond
     * precision, as StreamLake's ingestion time) when the line is written.
     *
     * @throws IllegalStateException if a key or header contained a separator (not with this workload)
     */
    static Path write(Workload workload, Path file, long events) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        IdGenerator ids = IdGenerator.randomUuids();
        Clock clock = Clock.systemUTC();
        byte[] tab = FIELD_SEPARATOR.getBytes(UTF_8);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (long n = 0; n < events; n++) {
                byte[] key = workload.key(n);
                if (new String(key, UTF_8).contains(FIELD_SEPARATOR)) {
                    throw new IllegalStateException("the key of event " + n + " contains the field separator");
                }
                out.write(headers(ids.newIngestionId(), Timestamps.format(clock.instant()))
                        .getBytes(UTF_8));
                out.write(tab);
                out.write(key);
                out.write(tab);
                out.write(workload.payload(n));
                out.write('\n');
            }
        }
        return file;
    }

    /** The reader properties as ConsoleProducer arguments: {@code --reader-property name=value} for each. */
    static List<String> readerArguments() {
        List<String> out = new ArrayList<>();
        READER_PROPERTIES.forEach((name, value) -> {
            out.add("--reader-property");
            out.add(name + "=" + value);
        });
        return out;
    }

    /** The header list of one line, in the order StreamLake writes its headers. */
    static String headers(String ingestionId, String eventTime) {
        StringBuilder line = new StringBuilder(200);
        header(line, HeaderNames.DATASET, Workload.DATASET.value());
        header(line, HeaderNames.SCHEMA_VERSION, Workload.SCHEMA_VERSION);
        header(line, HeaderNames.INGESTION_ID, ingestionId);
        header(line, HeaderNames.EVENT_TIME, eventTime);
        header(line, HeaderNames.PRODUCER_SERVICE, HeaderNames.DEFAULT_PRODUCER_SERVICE);
        header(line, HeaderNames.CONTENT_TYPE, HeaderNames.CONTENT_TYPE_JSON);
        return line.toString();
    }

    private static void header(StringBuilder line, String name, String value) {
        if (name.contains(HEADER_KEY_SEPARATOR)
                || name.contains(HEADERS_SEPARATOR)
                || value.contains(HEADERS_SEPARATOR)
                || value.contains(FIELD_SEPARATOR)
                || value.indexOf('\n') >= 0) {
            throw new IllegalStateException(
                    "header " + name + " '" + value + "' contains a separator of console lines");
        }
        if (line.length() > 0) {
            line.append(HEADERS_SEPARATOR);
        }
        line.append(name).append(HEADER_KEY_SEPARATOR).append(value);
    }

    private static Map<String, String> readerProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("parse.headers", "true");
        props.put("headers.delimiter", FIELD_SEPARATOR);
        props.put("headers.separator", HEADERS_SEPARATOR);
        props.put("headers.key.separator", HEADER_KEY_SEPARATOR);
        props.put("parse.key", "true");
        props.put("key.separator", FIELD_SEPARATOR);
        props.put("ignore.error", "false");
        return Collections.unmodifiableMap(props);
    }
}
