package io.streamlake.schema.codec.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.core.domain.ParseOutcome;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StreamingScanTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void givenOrdinaryObject_thenAcceptedWithoutTree() {
        byte[] raw = bytes("{\"order_id\":\"ord-00000042-abcd\",\"amount\":123.45,\"currency\":\"EUR\"}");
        assertThat(StreamingScan.accepts(raw)).isTrue();
        JsonPayload payload = (JsonPayload) ((ParseOutcome.Parsed) new JsonPayloadParser().parse(raw)).payload();
        assertThat(payload.hasTree()).isFalse();
        assertThat(payload.textField("order_id")).contains("ord-00000042-abcd");
        assertThat(payload.hasTree()).isFalse();
    }
}
