package io.streamlake.core.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The operational context of one event. It travels in Kafka headers ({@link HeaderNames}), never inside
 * the payload.
 *
 * @param dataset         the dataset the event belongs to
 * @param schemaVersion   the catalog version the payload was validated against; before that (and on a dead letter),
 *                        the version the caller asked for, or the one the payload failed to match; empty when
 *                        none is known
 * @param ingestionId     a fresh id per event (a UUID); consumers de-duplicate on it
 * @param eventTime       when the event was created
 * @param producerService the publishing service's name
 * @param attributes      extra headers given by the caller; their names must not be reserved ones
 * @param source          the file and line the event was read from; empty when it did not come from a file, or (on
 *                        a RAW record) when {@code headers.source} is off
 */
public record EventMetadata(
        DatasetName dataset,
        Optional<SchemaVersion> schemaVersion,
        String ingestionId,
        Instant eventTime,
        String producerService,
        Map<String, String> attributes,
        Optional<EventSource> source) {

    public EventMetadata {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(schemaVersion, "schemaVersion");
        Objects.requireNonNull(eventTime, "eventTime");
        if (ingestionId == null || ingestionId.isEmpty()) {
            throw new IllegalArgumentException("ingestion id must not be empty");
        }
        if (producerService == null || producerService.isBlank()) {
            throw new IllegalArgumentException("producer service must not be blank");
        }
        attributes = HeaderNames.checkAttributes(attributes);
        Objects.requireNonNull(source, "source");
    }

    /** Metadata without a source. */
    public EventMetadata(
            DatasetName dataset,
            Optional<SchemaVersion> schemaVersion,
            String ingestionId,
            Instant eventTime,
            String producerService,
            Map<String, String> attributes) {
        this(dataset, schemaVersion, ingestionId, eventTime, producerService, attributes, Optional.empty());
    }

    /** The same metadata, now validated against {@code version}. */
    public EventMetadata withSchemaVersion(SchemaVersion version) {
        return new EventMetadata(
                dataset, Optional.of(version), ingestionId, eventTime, producerService, attributes, source);
    }

    /** The same metadata with {@code from} as its source (empty: none). */
    public EventMetadata withSource(Optional<EventSource> from) {
        return from.equals(source)
                ? this
                : new EventMetadata(dataset, schemaVersion, ingestionId, eventTime, producerService, attributes, from);
    }

    /** The same metadata without its source. */
    public EventMetadata withoutSource() {
        return source.isEmpty()
                ? this
                : new EventMetadata(
                        dataset, schemaVersion, ingestionId, eventTime, producerService, attributes, Optional.empty());
    }
}
