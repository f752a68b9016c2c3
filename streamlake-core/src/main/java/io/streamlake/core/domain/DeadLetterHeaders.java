package io.streamlake.core.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers of a dead letter's DLQ record, for every transport: what a consumer of a DLQ topic may rely on
 * whichever adapter wrote it. Values are text; a transport with binary headers writes them as UTF-8.
 *
 * <p>The contract, in this order:
 * <ol>
 *   <li>the original event's headers, as {@link HeaderNames#standardHeaders} gives them without a content type
 *       (a dead letter's value is the DLQ JSON, and the original content type is not known at every stage):
 *       {@code dataset}, {@code schema_version} (when known), {@code ingestion_id}, {@code event_time},
 *       {@code producer_service}, then the caller's attributes; never {@code source}, whose place on a dead letter
 *       is {@code dlq_source_*};</li>
 *   <li>{@code dlq_reason}, {@code dlq_error_class}, {@code dlq_stage} ({@link DlqStage#wireName()}),
 *       {@code dlq_failed_at} ({@link Timestamps#format}), {@code dlq_original_topic}, {@code dlq_rule} when a
 *       data-contract rule dead-lettered it, and, when the event was read
 *       from a file, {@code dlq_source_file} and {@code dlq_source_line} — the {@link #failureHeaders failure
 *       headers}.</li>
 * </ol>
 * No name occurs twice: attributes may not use reserved names ({@link HeaderNames#isReserved}). Thread-safe
 * (stateless).
 */
public final class DeadLetterHeaders {

    private DeadLetterHeaders() {}

    /**
     * All headers of the dead letter's DLQ record, in the order the class documents: the original headers, then the
     * failure headers.
     *
     * @return an unmodifiable map whose iteration order is the header order
     */
    public static Map<String, String> of(DeadLetter deadLetter) {
        Map<String, String> headers = new LinkedHashMap<>(
                HeaderNames.standardHeaders(deadLetter.metadata().withoutSource(), null));
        headers.putAll(failureHeaders(deadLetter));
        return Collections.unmodifiableMap(headers);
    }

    /**
     * Only the {@code dlq_*} headers, in order: {@code dlq_reason}, {@code dlq_error_class}, {@code dlq_stage},
     * {@code dlq_failed_at}, {@code dlq_original_topic}, {@code dlq_rule} when a rule dead-lettered the event, then
     * {@code dlq_source_file} and {@code dlq_source_line} when
     * the event was read from a file. For a transport that writes the original headers in its own
     * style (the Kafka adapter can write CloudEvents headers) and appends these.
     *
     * @return an unmodifiable map whose iteration order is the header order
     */
    public static Map<String, String> failureHeaders(DeadLetter deadLetter) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(HeaderNames.DLQ_REASON, deadLetter.reason());
        headers.put(HeaderNames.DLQ_ERROR_CLASS, deadLetter.errorClass());
        headers.put(HeaderNames.DLQ_STAGE, deadLetter.stage().wireName());
        headers.put(HeaderNames.DLQ_FAILED_AT, Timestamps.format(deadLetter.failedAt()));
        headers.put(HeaderNames.DLQ_ORIGINAL_TOPIC, deadLetter.originalTopic());
        deadLetter.rule().ifPresent(rule -> headers.put(HeaderNames.DLQ_RULE, rule));
        deadLetter.source().ifPresent(source -> {
            headers.put(HeaderNames.DLQ_SOURCE_FILE, source.file());
            headers.put(HeaderNames.DLQ_SOURCE_LINE, Long.toString(source.line()));
        });
        return Collections.unmodifiableMap(headers);
    }
}
