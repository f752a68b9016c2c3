package io.streamlake.bench;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.core.domain.HeaderNames;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/** The raw producer's lines and records: the records {@code produce --file} sends, without StreamLake. */
class RawFileProducerTest {

    private final RawFileProducer producer = new RawFileProducer(Workload.KEY_FIELD, Workload.DATASET.value());

    @Test
    void givenLinesAcrossBufferBoundaries_thenEachNonEmptyLineIsHandedOnWhole() throws IOException {
        String longLine = "{\"order_id\":\"ORD-L\",\"note\":\"" + "x".repeat(200_000) + "\"}";
        StringBuilder text = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int n = 0; n < 3_000; n++) {
            String line = "{\"order_id\":\"ORD-" + n + "\",\"amount\":" + n + ".5}";
            text.append(line).append('\n');
            expected.add(line);
            if (n == 1_500) {
                text.append('\n').append(longLine).append('\n');
                expected.add(longLine);
            }
        }
        text.append("{\"order_id\":\"ORD-last\"}");
        expected.add("{\"order_id\":\"ORD-last\"}");
        List<String> lines = new ArrayList<>();

        long count = RawFileProducer.forEachLine(
                new ByteArrayInputStream(text.toString().getBytes(UTF_8)), b -> lines.add(new String(b, UTF_8)));

        assertThat(lines).containsExactlyElementsOf(expected);
        assertThat(count).isEqualTo(expected.size());
    }

    @Test
    void givenALine_thenItsRecordHasTheKeyFieldAsKeyTheLineAsValueAndStreamLakesSixHeadersInOrder() {
        Workload workload = new Workload(20, 45);
        Set<String> ids = new HashSet<>();
        for (int n = 0; n < 20; n++) {
            byte[] line = workload.payload(n);
            long before = System.currentTimeMillis();

            ProducerRecord<byte[], byte[]> r = producer.record("t", line);

            assertThat(r.topic()).isEqualTo("t");
            assertThat(r.partition()).isNull();
            assertThat(r.key()).isEqualTo(workload.key(n));
            assertThat(r.value()).isEqualTo(line);
            assertThat(r.headers().toArray()).extracting(Header::key).containsExactly(StreamLakeHeaders.IN_ORDER);
            Map<String, String> values = new LinkedHashMap<>();
            r.headers().forEach(h -> values.put(h.key(), new String(h.value(), UTF_8)));
            assertThat(values)
                    .containsEntry(HeaderNames.DATASET, Workload.DATASET.value())
                    .containsEntry(HeaderNames.SCHEMA_VERSION, Workload.SCHEMA_VERSION)
                    .containsEntry(HeaderNames.PRODUCER_SERVICE, HeaderNames.DEFAULT_PRODUCER_SERVICE)
                    .containsEntry(HeaderNames.CONTENT_TYPE, HeaderNames.CONTENT_TYPE_JSON);
            assertThat(Instant.parse(values.get(HeaderNames.EVENT_TIME)).toEpochMilli())
                    .isEqualTo(r.timestamp())
                    .isBetween(before, System.currentTimeMillis());
            assertThat(UUID.fromString(values.get(HeaderNames.INGESTION_ID)).version())
                    .isEqualTo(4);
            ids.add(values.get(HeaderNames.INGESTION_ID));
        }
        assertThat(ids).as("a fresh ingestion id per record").hasSize(20);
    }

    @Test
    void givenALineWithoutTheKeyField_thenItsRecordHasNoKey() {
        assertThat(producer.key("{\"amount\":1.5}".getBytes(UTF_8))).isNull();
        assertThat(producer.key("{\"order_id\":\"unterminated".getBytes(UTF_8))).isNull();
        assertThat(producer.key("{\"amount\":1.5,\"order_id\":\"ORD-9\"}".getBytes(UTF_8)))
                .isEqualTo("ORD-9".getBytes(UTF_8));
    }
}
