package io.streamlake.core.port.in;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.EventSource;
import io.streamlake.core.domain.HeaderNames;
import io.streamlake.core.domain.SchemaVersion;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One raw event to ingest: its dataset, its key (or the payload field that holds it), its payload bytes and, optionally,
 * the schema version to validate against.
 *
 * @param dataset       the dataset; decides the topics and the schema
 * @param key           the key; null when it is to be read from {@code keyField} or the event has none
 * @param keyField      a top-level payload field to take the key from when {@code key} is null; may be null
 * @param payload       the payload bytes, as received
 * @param schemaVersion a pinned schema version; empty means the dataset's latest
 * @param eventTime     when the event was created; empty means now
 * @param attributes    extra headers; names must not be reserved ones
 * @param ingestionId   the ingestion id to keep (a replayed dead letter keeps its original one, so consumers
 *                      de-duplicate a replay run twice); empty means a fresh one
 * @param source        the file and line the event was read from; always written on its dead letter, on its RAW
 *                      record only when {@code IngestionSettings.sourceOnRaw()}; empty when it came from no file
 */
public record IngestCommand(
        DatasetName dataset,
        String key,
        String keyField,
        byte[] payload,
        Optional<SchemaVersion> schemaVersion,
        Optional<Instant> eventTime,
        Map<String, String> attributes,
        Optional<String> ingestionId,
        Optional<EventSource> source) {

    public IngestCommand {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(schemaVersion, "schemaVersion");
        Objects.requireNonNull(eventTime, "eventTime");
        if (keyField != null && keyField.isEmpty()) {
            throw new IllegalArgumentException("key field must not be empty");
        }
        attributes = HeaderNames.checkAttributes(attributes);
        Objects.requireNonNull(ingestionId, "ingestionId");
        if (ingestionId.isPresent() && ingestionId.get().isBlank()) {
            throw new IllegalArgumentException("ingestion id must not be blank");
        }
        Objects.requireNonNull(source, "source");
    }

    /** A command without a source. */
    public IngestCommand(
            DatasetName dataset,
            String key,
            String keyField,
            byte[] payload,
            Optional<SchemaVersion> schemaVersion,
            Optional<Instant> eventTime,
            Map<String, String> attributes,
            Optional<String> ingestionId) {
        this(dataset, key, keyField, payload, schemaVersion, eventTime, attributes, ingestionId, Optional.empty());
    }

    /** A command with a fresh ingestion id. */
    public IngestCommand(
            DatasetName dataset,
            String key,
            String keyField,
            byte[] payload,
            Optional<SchemaVersion> schemaVersion,
            Optional<Instant> eventTime,
            Map<String, String> attributes) {
        this(dataset, key, keyField, payload, schemaVersion, eventTime, attributes, Optional.empty(), Optional.empty());
    }

    /** An event with an explicit key, validated against the dataset's latest schema. */
    public static IngestCommand of(DatasetName dataset, String key, byte[] payload) {
        return new IngestCommand(dataset, key, null, payload, Optional.empty(), Optional.empty(), Map.of());
    }

    /** An event whose key is the payload's top-level field {@code keyField}. */
    public static IngestCommand keyedBy(DatasetName dataset, String keyField, byte[] payload) {
        return new IngestCommand(dataset, null, keyField, payload, Optional.empty(), Optional.empty(), Map.of());
    }

    public IngestCommand withSchemaVersion(SchemaVersion version) {
        return new IngestCommand(
                dataset, key, keyField, payload, Optional.of(version), eventTime, attributes, ingestionId, source);
    }

    public IngestCommand withEventTime(Instant time) {
        return new IngestCommand(
                dataset, key, keyField, payload, schemaVersion, Optional.of(time), attributes, ingestionId, source);
    }

    public IngestCommand withAttributes(Map<String, String> extra) {
        return new IngestCommand(dataset, key, keyField, payload, schemaVersion, eventTime, extra, ingestionId, source);
    }

    public IngestCommand withIngestionId(String id) {
        return new IngestCommand(
                dataset, key, keyField, payload, schemaVersion, eventTime, attributes, Optional.of(id), source);
    }

    /** The same command, read from {@code from} (a file and line). */
    public IngestCommand withSource(EventSource from) {
        return new IngestCommand(
                dataset,
                key,
                keyField,
                payload,
                schemaVersion,
                eventTime,
                attributes,
                ingestionId,
                Optional.of(Objects.requireNonNull(from, "source")));
    }
}
