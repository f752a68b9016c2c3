package io.streamlake.core.service;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.IngestionResult;
import io.streamlake.core.domain.IngestionSettings;
import io.streamlake.core.domain.SchemaVersion;
import io.streamlake.core.port.in.IngestCommand;
import io.streamlake.core.port.out.EventPublisher;
import io.streamlake.core.testing.CountingMetrics;
import io.streamlake.core.testing.InMemoryDeadLetterPort;
import io.streamlake.core.testing.InMemoryEventPublisher;
import io.streamlake.core.testing.InMemoryPayloadSerializer;
import io.streamlake.core.testing.InMemoryPayloadValidator;
import io.streamlake.core.testing.KeyValuePayloadParser;
import io.streamlake.core.testing.SequentialIdGenerator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The ingestion service wired entirely with in-memory ports. */
final class Pipeline {

    static final DatasetName ORDERS = DatasetName.of("orders");
    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    final InMemoryEventPublisher publisher = new InMemoryEventPublisher();
    final InMemoryDeadLetterPort deadLetters = new InMemoryDeadLetterPort();
    final InMemoryPayloadSerializer serializer = new InMemoryPayloadSerializer();
    final InMemoryPayloadValidator validator = new InMemoryPayloadValidator()
            .require(ORDERS, SchemaVersion.of(1), "order_id", "amount")
            .require(ORDERS, SchemaVersion.of(2), "order_id", "amount", "currency");
    final CountingMetrics metrics = new CountingMetrics();
    final IngestionService service;

    Pipeline() {
        this(IngestionSettings.defaults());
    }

    Pipeline(IngestionSettings settings) {
        service = serviceOver(settings, publisher);
    }

    /** A service on this pipeline's ports, but publishing through {@code publisher}. */
    IngestionService serviceOver(IngestionSettings settings, EventPublisher publisher) {
        return new IngestionService(
                settings,
                new KeyValuePayloadParser(),
                validator,
                serializer,
                publisher,
                deadLetters,
                new SequentialIdGenerator(),
                Clock.fixed(NOW, ZoneOffset.UTC),
                metrics);
    }

    IngestionResult ingest(IngestCommand command) {
        return service.ingest(command).join();
    }

    IngestionResult ingest(String key, String payload) {
        return ingest(IngestCommand.of(ORDERS, key, bytes(payload)));
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
