package io.streamlake.core.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The value of a DLQ record: one JSON object, readable whatever broke, declared once. Field names are public
 * API. The payload is kept byte for byte: embedded as JSON when it is a JSON document
 * ({@code payload_encoding = json}), as a JSON string when it is other UTF-8 text ({@code text}), as base64
 * otherwise ({@code base64}). A payload longer than the configured limit keeps its first bytes, in base64,
 * with {@code payload_truncated = true}; {@code payload_size} and {@code payload_sha256} always describe the
 * whole original payload.
 */
public final class DeadLetterValue {

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

    public static final String ENCODING_JSON = "json";
    public static final String ENCODING_TEXT = "text";
    public static final String ENCODING_BASE64 = "base64";

    private DeadLetterValue() {
    }

    /**
     * Encodes a dead letter as the DLQ record's value.
     *
     * @param maxPayloadBytes how many payload bytes to keep at most; longer payloads are truncated and flagged
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
        stringField(out, SCHEMA_VERSION, dl.metadata().schemaVersion().map(SchemaVersion::toString).orElse(null));
        stringField(out, INGESTION_ID, dl.metadata().ingestionId());
        stringField(out, KEY, dl.key());
        field(out, ORIGINAL_TOPIC);
        JsonText.appendString(out, dl.originalTopic());
        out.append('}');
        return out.toString().getBytes(StandardCharsets.UTF_8);
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
}
