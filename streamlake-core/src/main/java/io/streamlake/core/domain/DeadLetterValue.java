package io.streamlake.core.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * The value of a DLQ record: one JSON object, readable whatever broke, written by {@link #encode} and read back by
 * {@link #decode}, side by side. Field names are public API. The payload is kept byte for byte: embedded as JSON
 * when it is a JSON document ({@code payload_encoding = json}), as a JSON string when it is other UTF-8 text
 * ({@code text}), as base64 otherwise ({@code base64}). A payload longer than the configured limit keeps its first
 * bytes, in base64, with {@code payload_truncated = true}; {@code payload_size} and {@code payload_sha256} always
 * describe the whole original payload.
 *
 * <p>An instance is what {@link #decode} read from one value. The members a value may lack are null here.
 *
 * @param payload          the payload bytes the value kept: all of them, or the first ones when truncated
 * @param payloadEncoding  {@value #ENCODING_JSON}, {@value #ENCODING_TEXT} or {@value #ENCODING_BASE64}
 * @param payloadSize      the whole original payload's length in bytes
 * @param payloadTruncated true when {@code payload} is only the original payload's first bytes
 * @param payloadSha256    lower-case hex SHA-256 of the whole original payload; may be null
 * @param errorReason      why it was dead-lettered; may be null
 * @param errorClass       the kind of error; may be null
 * @param stage            where it failed; may be null
 * @param failedAt         when it failed; may be null
 * @param dataset          the dataset it was meant for; may be null
 * @param schemaVersion    the version it was validated against, or asked for; may be null
 * @param ingestionId      the event's ingestion id; may be null
 * @param key              the event's key; may be null
 * @param originalTopic    the RAW topic it was meant for; may be null
 * @param source           the file and line the event was read from ({@code source_file}, {@code source_line}, written
 *                         only when known); null when it came from no file
 */
public record DeadLetterValue(
        byte[] payload,
        String payloadEncoding,
        long payloadSize,
        boolean payloadTruncated,
        String payloadSha256,
        String errorReason,
        String errorClass,
        DlqStage stage,
        Instant failedAt,
        DatasetName dataset,
        SchemaVersion schemaVersion,
        String ingestionId,
        String key,
        String originalTopic,
        EventSource source) {

    public static final String PAYLOAD = "payload";
    public static final String PAYLOAD_ENCODING = "payload_encoding";
    public static final String PAYLOAD_SIZE = "payload_size";
    public static final String PAYLOAD_SHA256 = "payload_sha256";
    public static final String PAYLOAD_TRUNCATED = "payload_truncated";
    public static final String ERROR_REASON = "error_reason";
    public static final String ERROR_CLASS = "error_class";
    public static final String STAGE = "stage";
    public static final String FAILED_AT = "failed_at";
    public static final String DATASET = "dataset";
    public static final String SCHEMA_VERSION = "schema_version";
    public static final String INGESTION_ID = "ingestion_id";
    public static final String KEY = "key";
    public static final String ORIGINAL_TOPIC = "original_topic";
    public static final String SOURCE_FILE = "source_file";
    public static final String SOURCE_LINE = "source_line";

    public static final String ENCODING_JSON = "json";
    public static final String ENCODING_TEXT = "text";
    public static final String ENCODING_BASE64 = "base64";

    public DeadLetterValue {
        Objects.requireNonNull(payload, "payload");
        if (!ENCODING_JSON.equals(payloadEncoding)
                && !ENCODING_TEXT.equals(payloadEncoding)
                && !ENCODING_BASE64.equals(payloadEncoding)) {
            throw new IllegalArgumentException("unknown payload encoding " + payloadEncoding);
        }
    }

    /**
     * Encodes a dead letter as the DLQ record's value. Thread-safe.
     *
     * @param maxPayloadBytes how many payload bytes to keep at most; longer payloads are truncated and flagged
     * @throws IllegalArgumentException when {@code maxPayloadBytes} is not positive
     */
    public static byte[] encode(DeadLetter dl, int maxPayloadBytes) {
        if (maxPayloadBytes < 1) {
            throw new IllegalArgumentException("maxPayloadBytes must be positive, got " + maxPayloadBytes);
        }
        byte[] original = dl.originalPayload();
        boolean truncated = original.length > maxPayloadBytes;
        StringBuilder out = new StringBuilder(Math.min(original.length, maxPayloadBytes) * 4 / 3 + 512);
        out.append('{');
        field(out, PAYLOAD);
        String encoding;
        Optional<String> text = truncated ? Optional.empty() : JsonText.decodeUtf8(original);
        if (text.isPresent() && !text.get().startsWith("\uFEFF") && JsonText.isJson(text.get())) {
            encoding = ENCODING_JSON;
            out.append(text.get());
        } else if (text.isPresent()) {
            encoding = ENCODING_TEXT;
            JsonText.appendString(out, text.get());
        } else {
            encoding = ENCODING_BASE64;
            byte[] kept = truncated ? Arrays.copyOf(original, maxPayloadBytes) : original;
            out.append('"').append(Base64.getEncoder().encodeToString(kept)).append('"');
        }
        out.append(',');
        stringField(out, PAYLOAD_ENCODING, encoding);
        field(out, PAYLOAD_SIZE);
        out.append(original.length).append(',');
        field(out, PAYLOAD_TRUNCATED);
        out.append(truncated).append(',');
        stringField(out, PAYLOAD_SHA256, sha256(original));
        stringField(out, ERROR_REASON, dl.reason());
        stringField(out, ERROR_CLASS, dl.errorClass());
        stringField(out, STAGE, dl.stage().wireName());
        stringField(out, FAILED_AT, Timestamps.format(dl.failedAt()));
        stringField(out, DATASET, dl.dataset().value());
        stringField(
                out,
                SCHEMA_VERSION,
                dl.metadata().schemaVersion().map(SchemaVersion::toString).orElse(null));
        stringField(out, INGESTION_ID, dl.metadata().ingestionId());
        stringField(out, KEY, dl.key());
        field(out, ORIGINAL_TOPIC);
        JsonText.appendString(out, dl.originalTopic());
        if (dl.source().isPresent()) {
            out.append(',');
            stringField(out, SOURCE_FILE, dl.source().get().file());
            field(out, SOURCE_LINE);
            out.append(dl.source().get().line());
        }
        out.append('}');
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads what {@link #encode} wrote: the payload bytes exactly as kept ({@code json} as its exact text, {@code text}
     * as the string's UTF-8, {@code base64} decoded) and the other members; members the value lacks are null, a
     * missing {@code payload_truncated} is false and a missing {@code payload_size} is the kept payload's length. The
     * source is null unless both {@code source_file} (not empty) and {@code source_line} (from 1) are there.
     * Thread-safe. Never throws for bad data.
     *
     * @return empty when {@code value} is not a dead-letter value: not one UTF-8 JSON object, no {@code payload} or
     *     {@code payload_encoding}, an unknown encoding, or a member that does not have its type
     */
    public static Optional<DeadLetterValue> decode(byte[] value) {
        Optional<JsonMembers> parsed = JsonText.decodeUtf8(value).flatMap(JsonMembers::of);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        JsonMembers m = parsed.get();
        try {
            String encoding = m.string(PAYLOAD_ENCODING);
            String raw = m.raw(PAYLOAD);
            if (encoding == null || raw == null) {
                return Optional.empty();
            }
            byte[] payload = switch (encoding) {
                case ENCODING_JSON -> raw.getBytes(StandardCharsets.UTF_8);
                case ENCODING_TEXT -> JsonMembers.unquote(raw.strip()).getBytes(StandardCharsets.UTF_8);
                case ENCODING_BASE64 -> Base64.getDecoder().decode(JsonMembers.unquote(raw.strip()));
                default -> null;
            };
            if (payload == null) {
                return Optional.empty();
            }
            Long size = m.number(PAYLOAD_SIZE);
            return Optional.of(new DeadLetterValue(
                    payload,
                    encoding,
                    size == null ? payload.length : size,
                    m.bool(PAYLOAD_TRUNCATED),
                    m.string(PAYLOAD_SHA256),
                    m.string(ERROR_REASON),
                    m.string(ERROR_CLASS),
                    m.parsed(STAGE, DlqStage::fromWireName),
                    m.parsed(FAILED_AT, Timestamps::parse),
                    m.parsed(DATASET, DatasetName::of),
                    m.parsed(SCHEMA_VERSION, SchemaVersion::parse),
                    m.string(INGESTION_ID),
                    m.string(KEY),
                    m.string(ORIGINAL_TOPIC),
                    source(m.string(SOURCE_FILE), m.number(SOURCE_LINE))));
        } catch (IllegalArgumentException | DateTimeException e) {
            return Optional.empty();
        }
    }

    private static EventSource source(String file, Long line) {
        return file == null || file.isEmpty() || line == null || line < 1 ? null : new EventSource(file, line);
    }

    /** Lower-case hex SHA-256 of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void field(StringBuilder out, String name) {
        out.append('"').append(name).append("\":");
    }

    private static void stringField(StringBuilder out, String name, String value) {
        field(out, name);
        if (value == null) {
            out.append("null");
        } else {
            JsonText.appendString(out, value);
        }
        out.append(',');
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeadLetterValue v
                && Arrays.equals(payload, v.payload)
                && payloadEncoding.equals(v.payloadEncoding)
                && payloadSize == v.payloadSize
                && payloadTruncated == v.payloadTruncated
                && Objects.equals(payloadSha256, v.payloadSha256)
                && Objects.equals(errorReason, v.errorReason)
                && Objects.equals(errorClass, v.errorClass)
                && stage == v.stage
                && Objects.equals(failedAt, v.failedAt)
                && Objects.equals(dataset, v.dataset)
                && Objects.equals(schemaVersion, v.schemaVersion)
                && Objects.equals(ingestionId, v.ingestionId)
                && Objects.equals(key, v.key)
                && Objects.equals(originalTopic, v.originalTopic)
                && Objects.equals(source, v.source);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(payload)
                + Objects.hash(
                        payloadEncoding,
                        payloadSize,
                        payloadTruncated,
                        payloadSha256,
                        errorReason,
                        errorClass,
                        stage,
                        failedAt,
                        dataset,
                        schemaVersion,
                        ingestionId,
                        key,
                        originalTopic,
                        source);
    }

    @Override
    public String toString() {
        return "DeadLetterValue[" + payloadEncoding + " payload, " + payload.length + " of " + payloadSize + " bytes, "
                + stage + " " + errorClass + ": " + errorReason + ", dataset " + dataset + " " + schemaVersion
                + ", key "
                + key + ", id " + ingestionId + ", from " + originalTopic + " at " + failedAt
                + (source == null ? "" : ", read from " + source) + "]";
    }
}
