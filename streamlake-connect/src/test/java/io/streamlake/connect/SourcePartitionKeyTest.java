package io.streamlake.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.json.JsonConverterConfig;
import org.junit.jupiter.api.Test;

/**
 * Connect keys a source offset by the bytes of {@code [connector, partition]} in its internal JSON converter. A task
 * looks its offset up with {@link FileSplit#sourcePartition()}; {@code GET /connectors/{name}/offsets} (and so
 * {@code streamlake connect status}) reads the stored keys back into maps and looks each one up with those maps. Both
 * find the stored offset only when the partition's bytes are the same every time, in every JVM, and when a partition
 * read back from the offsets topic serializes to the bytes it was stored under.
 */
class SourcePartitionKeyTest {

    private static final String TOPIC = "connect-offsets";

    @Test
    void givenASourcePartition_thenItsStoredKeyReadBackIsTheSameKey() {
        JsonConverter keys = internalConverter();
        FileSplit split = new FileSplit("/data/in/orders-1.jsonl", 4096, 8192, 10_000, 1_733_000_000_000L);

        byte[] stored = keys.fromConnectData(TOPIC, null, Arrays.asList("streamlake-orders", split.sourcePartition()));
        SchemaAndValue readBack = keys.toConnectData(TOPIC, stored);
        List<?> key = (List<?>) readBack.value();
        Map<?, ?> partition = (Map<?, ?>) key.get(1);
        byte[] lookedUp = keys.fromConnectData(TOPIC, null, Arrays.asList(key.get(0), partition));

        assertThat(new String(lookedUp)).isEqualTo(new String(stored));
        assertThat(new String(stored))
                .isEqualTo("[\"streamlake-orders\",{\"file\":\"/data/in/orders-1.jsonl\",\"start\":4096}]");
        // a new FileSplit of the same part (as a restarted worker makes it) gives the same bytes
        FileSplit again = FileSplit.decode(FileSplit.encode(List.of(split))).get(0);
        assertThat(keys.fromConnectData(TOPIC, null, Arrays.asList("streamlake-orders", again.sourcePartition())))
                .isEqualTo(stored);
    }

    @Test
    void givenASourceOffset_thenItsEntriesKeepTheirOrder() {
        JsonConverter values = internalConverter();
        FileSplit split = new FileSplit("/data/in/orders-1.jsonl", 0, 100, 100, 7L);

        byte[] offset = values.fromConnectData(TOPIC, null, split.sourceOffset(40, 3));

        assertThat(new String(offset)).isEqualTo("{\"position\":40,\"line\":3,\"size\":100,\"modified\":7}");
    }

    /** As the worker configures its internal key and value converters: JSON without schemas. */
    private static JsonConverter internalConverter() {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of(JsonConverterConfig.SCHEMAS_ENABLE_CONFIG, "false"), true);
        return converter;
    }
}
