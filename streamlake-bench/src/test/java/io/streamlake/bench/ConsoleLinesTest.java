package io.streamlake.bench;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.core.domain.HeaderNames;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.tools.LineMessageReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console lines, read by Kafka's own LineMessageReader with the reader properties ConsoleProducer is given. */
class ConsoleLinesTest {

    @TempDir
    Path dir;

    @Test
    void givenConsoleLines_thenKafkasLineReaderGivesTheKeyStreamLakesSixHeadersInOrderAndThePayload() throws Exception {
        Workload workload = new Workload(50, 200);
        Path file = ConsoleLines.write(workload, dir.resolve("orders.console.txt"), 50);

        List<ProducerRecord<byte[], byte[]>> records = read(file);

        assertThat(records).hasSize(50);
        Set<String> ids = new HashSet<>();
        for (int n = 0; n < 50; n++) {
            ProducerRecord<byte[], byte[]> r = records.get(n);
            assertThat(r.key()).isEqualTo(workload.key(n));
            assertThat(r.value()).isEqualTo(workload.payload(n));
            Header[] headers = r.headers().toArray();
            assertThat(headers).extracting(Header::key).containsExactly(StreamLakeHeaders.IN_ORDER);
            Map<String, String> values = values(headers);
            assertThat(values)
                    .containsEntry(HeaderNames.DATASET, "orders")
                    .containsEntry(HeaderNames.SCHEMA_VERSION, Workload.SCHEMA_VERSION)
                    .containsEntry(HeaderNames.PRODUCER_SERVICE, HeaderNames.DEFAULT_PRODUCER_SERVICE)
                    .containsEntry(HeaderNames.CONTENT_TYPE, HeaderNames.CONTENT_TYPE_JSON);
            // the value keeps every ':' of the ISO-8601 time
            assertThat(Instant.parse(values.get(HeaderNames.EVENT_TIME)))
                    .isBefore(Instant.now().plusSeconds(1));
            assertThat(values.get(HeaderNames.EVENT_TIME))
                    .endsWith("Z")
                    .contains("T")
                    .containsPattern("\\d\\d:\\d\\d:\\d\\d");
            assertThat(UUID.fromString(values.get(HeaderNames.INGESTION_ID)).version())
                    .isEqualTo(4);
            ids.add(values.get(HeaderNames.INGESTION_ID));
        }
        assertThat(ids).as("a distinct ingestion id per line").hasSize(50);
    }

    @Test
    void givenReaderProperties_thenTheyAreConsoleProducerArgumentsWithKeyAndHeaderParsingOn() {
        assertThat(ConsoleLines.readerArguments())
                .contains(
                        "parse.key=true",
                        "parse.headers=true",
                        "headers.key.separator=" + ConsoleLines.HEADER_KEY_SEPARATOR,
                        "headers.delimiter=\t",
                        "key.separator=\t");
        assertThat(ConsoleLines.readerArguments())
                .filteredOn("--reader-property"::equals)
                .hasSize(ConsoleLines.READER_PROPERTIES.size());
    }

    static List<ProducerRecord<byte[], byte[]>> read(Path file) throws Exception {
        LineMessageReader reader = new LineMessageReader();
        Map<String, Object> props = new HashMap<>(ConsoleLines.READER_PROPERTIES);
        props.put("topic", "t");
        reader.configure(props);
        List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            Iterator<ProducerRecord<byte[], byte[]>> it = reader.readRecords(in);
            it.forEachRemaining(out::add);
        }
        return out;
    }

    static Map<String, String> values(Header[] headers) {
        Map<String, String> out = new HashMap<>();
        for (Header h : headers) {
            out.put(h.key(), new String(h.value(), UTF_8));
        }
        return out;
    }
}
