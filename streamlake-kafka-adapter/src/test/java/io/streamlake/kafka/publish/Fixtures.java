package io.streamlake.kafka.publish;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.DeadLetter;
import io.streamlake.core.domain.DlqStage;
import io.streamlake.core.domain.EventMetadata;
import io.streamlake.core.domain.SchemaVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

final class Fixtures {

    static final Instant EVENT_TIME = Instant.parse("2026-11-27T11:30:00.123Z");
    static final Instant FAILED_AT = Instant.parse("2026-11-27T11:31:00Z");

    private Fixtures() {}

    static EventMetadata metadata() {
        return new EventMetadata(
                DatasetName.of("orders"),
                Optional.of(SchemaVersion.of(2)),
                "id-1",
                EVENT_TIME,
                "checkout",
                Map.of("tenant", "acme"));
    }

    static DeadLetter deadLetter(byte[] payload) {
        return new DeadLetter(
                "k-1",
                payload,
                metadata(),
                DlqStage.VALIDATE,
                "$.amount: required field is missing",
                "SchemaViolation",
                FAILED_AT,
                "streamlake.orders.raw",
                "streamlake.orders.dlq");
    }

    /** Headers as (name, UTF-8 value) pairs, in order. */
    static List<Map.Entry<String, String>> pairs(Headers headers) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (Header h : headers) {
            out.add(Map.entry(h.key(), new String(h.value(), UTF_8)));
        }
        return out;
    }
}
