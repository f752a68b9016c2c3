package io.streamlake.connect;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.streamlake.core.domain.DeadLetterValue;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Records as comparable text, leaving out what differs from run to run by design. */
final class Records {

    /** Per event and per failure: fresh id, creation and failure times. */
    static final Set<String> VARYING_HEADERS =
            Set.of("ingestion_id", "event_time", "dlq_failed_at", "ce_id", "ce_time");

    private Records() {}

    /**
     * Partition, key, value and headers (in order) of a record, the varying headers' values left out (their names and
     * places are kept: a record that lacks one differs); DLQ values decoded.
     */
    static String comparable(ConsumerRecord<byte[], byte[]> record, boolean deadLetter) {
        StringBuilder out = new StringBuilder();
        out.append("partition=").append(record.key() == null ? "any" : String.valueOf(record.partition()));
        out.append(" key=")
                .append(record.key() == null ? "null" : Base64.getEncoder().encodeToString(record.key()));
        if (deadLetter) {
            DeadLetterValue v = DeadLetterValue.decode(record.value()).orElseThrow();
            out.append(" payload=")
                    .append(Base64.getEncoder().encodeToString(v.payload()))
                    .append(" encoding=")
                    .append(v.payloadEncoding())
                    .append(" reason=")
                    .append(v.errorReason())
                    .append(" class=")
                    .append(v.errorClass())
                    .append(" stage=")
                    .append(v.stage())
                    .append(" version=")
                    .append(v.schemaVersion())
                    .append(" topic=")
                    .append(v.originalTopic())
                    .append(" source=")
                    .append(v.source());
        } else {
            out.append(" value=").append(Base64.getEncoder().encodeToString(record.value()));
        }
        List<String> headers = new ArrayList<>();
        for (Header h : record.headers()) {
            if (!VARYING_HEADERS.contains(h.key())) {
                headers.add(h.key() + "=" + new String(h.value(), UTF_8));
            } else if (h.value() == null || h.value().length == 0) {
                headers.add(h.key() + "=(empty)");
            } else {
                headers.add(h.key() + "=(varies)");
            }
        }
        out.append(" headers=").append(headers);
        return out.toString();
    }

    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), UTF_8);
    }
}
