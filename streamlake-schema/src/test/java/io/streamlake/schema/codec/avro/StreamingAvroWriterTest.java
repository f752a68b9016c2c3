package io.streamlake.schema.codec.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.streamlake.core.domain.ParseOutcome;
import io.streamlake.core.domain.RejectedPayloadException;
import io.streamlake.schema.codec.json.DifferentialPayloads;
import io.streamlake.schema.codec.json.JsonPayload;
import io.streamlake.schema.codec.json.JsonPayloadParser;
import io.streamlake.schema.validation.TreeConformance;
import io.streamlake.schema.validation.UnknownFieldPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

/**
 * The streaming tier writes only what the tree tier ({@link TreeAvroWriter}) would, byte for byte, and gives up on
 * the rest.
 */
class StreamingAvroWriterTest {

    private static final List<Schema> SCHEMAS = DifferentialPayloads.schemas();
    private static final TreeConformance CHECKER = new TreeConformance(UnknownFieldPolicy.IGNORE);
    private static final TreeAvroWriter TREE = new TreeAvroWriter(CHECKER);
    private static final StreamingAvroWriter STREAMING = new StreamingAvroWriter(CHECKER);
    private static final Schema ORDERS_V2 = SCHEMAS.get(1);

    @Provide
    Arbitrary<byte[]> payloads() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, DifferentialPayloads.shaped()),
                net.jqwik.api.Tuple.of(3, DifferentialPayloads.ordersInSchemaOrder()),
                net.jqwik.api.Tuple.of(1, DifferentialPayloads.any()));
    }

    @Property(tries = 5000)
    void givenAnyParsedPayload_whenStreamingWrites_thenBytesAreTheTreeWritersBytes(@ForAll("payloads") byte[] raw)
            throws IOException {
        ParseOutcome outcome;
        try {
            outcome = new JsonPayloadParser().parse(raw);
        } catch (NumberFormatException e) {
            return; // a float whose exponent overflows BigDecimal: the parser has always thrown (see the parser tests)
        }
        if (!(outcome instanceof ParseOutcome.Parsed parsed)) {
            return;
        }
        JsonPayload payload = (JsonPayload) parsed.payload();
        for (Schema schema : SCHEMAS) {
            ByteArrayOutputStream streamed = new ByteArrayOutputStream();
            boolean written = STREAMING.write(schema, payload, encoder(streamed));
            Statistics.label(schema.getName()).collect(written ? "streamed" : "left to the tree");
            if (written) {
                ByteArrayOutputStream tree = new ByteArrayOutputStream();
                assertThatCode(() -> TREE.write(schema, payload.tree(), encoder(tree)))
                        .doesNotThrowAnyException();
                assertThat(streamed.toByteArray()).isEqualTo(tree.toByteArray());
            }
        }
    }

    @Test
    void givenFlatOrder_thenStreamedAsTheTreeWriterWritesInAnyFieldOrder() throws IOException {
        assertStreamedLikeTree("{\"order_id\":\"o-1\",\"amount\":-0.0,\"currency\":\"EUR\"}");
        assertStreamedLikeTree("{\"order_id\":\"o-1\",\"amount\":12,\"currency\":null}");
        assertStreamedLikeTree("{\"order_id\":\"é\\u00e9\",\"amount\":9223372036854775807,\"currency\":\"\"}");
        assertStreamedLikeTree("{\"amount\":1.5,\"order_id\":\"o-1\",\"currency\":null}"); // another order
        assertStreamedLikeTree("{\"order_id\":\"o-1\",\"amount\":1.5}"); // default
        assertStreamedLikeTree("{\"order_id\":\"o-1\",\"x\":true,\"amount\":1.5,\"currency\":\"E\"}"); // undeclared
    }

    @Test
    void givenNestedOrder_thenStreamedFromTheTokensInSchemaOrderOnly() throws IOException {
        assertThat(STREAMING.write(
                        ORDERS_V2,
                        payload("{\"order_id\":\"o-1\",\"amount\":1.5,\"currency\":null,\"x\":{}}"),
                        encoder(new ByteArrayOutputStream())))
                .as("undeclared field")
                .isFalse();
        assertThat(STREAMING.write(
                        ORDERS_V2,
                        payload("{\"amount\":1.5,\"order_id\":\"o-1\",\"currency\":null,\"x\":[]}"),
                        encoder(new ByteArrayOutputStream())))
                .as("another order")
                .isFalse();
    }

    @Test
    void givenAnythingElse_thenLeftToTheTreeWriter() throws IOException {
        List<String> others = List.of(
                "{\"order_id\":\"o-1\",\"amount\":1e3,\"currency\":null}", // exponent
                "{\"order_id\":\"o-1\",\"amount\":\"1\",\"currency\":null}", // wrong kind
                "{\"order_id\":\"o-1\",\"amount\":1.5,\"currency\":{\"string\":\"EUR\"}}", // wrapped union
                "{\"order_id\":\"o-1\",\"currency\":null}", // required field missing
                "{\"order_id\":\"o-1\",\"amount\":1" + "0".repeat(30) + ",\"currency\":null}"); // big integer
        for (String text : others) {
            assertThat(STREAMING.write(ORDERS_V2, payload(text), encoder(new ByteArrayOutputStream())))
                    .as(text)
                    .isFalse();
        }
    }

    @Test
    void givenInvalidPayload_thenStreamingGivesUpAndTheTreeWriterNamesThePath() throws IOException {
        JsonPayload payload = payload("{\"order_id\":\"o-1\",\"amount\":true,\"currency\":null}");
        assertThat(STREAMING.write(ORDERS_V2, payload, encoder(new ByteArrayOutputStream())))
                .isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> TREE.write(ORDERS_V2, payload.tree(), encoder(new ByteArrayOutputStream())))
                .isInstanceOf(RejectedPayloadException.class)
                .hasMessageContaining("$.amount");
    }

    private static void assertStreamedLikeTree(String text) throws IOException {
        JsonPayload payload = payload(text);
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        assertThat(STREAMING.write(ORDERS_V2, payload, encoder(streamed))).isTrue();
        ByteArrayOutputStream tree = new ByteArrayOutputStream();
        TREE.write(ORDERS_V2, payload.tree(), encoder(tree));
        assertThat(streamed.toByteArray()).isEqualTo(tree.toByteArray());
    }

    private static JsonPayload payload(String text) {
        return (JsonPayload)
                ((ParseOutcome.Parsed) new JsonPayloadParser().parse(text.getBytes(StandardCharsets.UTF_8))).payload();
    }

    private static BinaryEncoder encoder(ByteArrayOutputStream out) {
        return EncoderFactory.get().directBinaryEncoder(out, null);
    }
}
