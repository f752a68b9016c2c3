package io.streamlake.runtime;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import io.streamlake.core.domain.IngestionSettings;
import io.streamlake.core.port.in.IngestEventUseCase;
import io.streamlake.core.port.in.IngestStreamUseCase;
import io.streamlake.core.port.in.ReplayDeadLettersUseCase;
import io.streamlake.core.port.in.StagedIngestUseCase;
import io.streamlake.core.port.out.DeadLetterBacklog;
import io.streamlake.core.port.out.DeadLetterPort;
import io.streamlake.core.port.out.DeadLetterSource;
import io.streamlake.core.port.out.EventPublisher;
import io.streamlake.core.port.out.IdGenerator;
import io.streamlake.core.port.out.IngestionMetrics;
import io.streamlake.core.port.out.PayloadParser;
import io.streamlake.core.port.out.PayloadRules;
import io.streamlake.core.port.out.PayloadSerializer;
import io.streamlake.core.port.out.PayloadValidator;
import io.streamlake.core.service.IngestionService;
import io.streamlake.core.service.ReplayService;
import io.streamlake.core.service.StreamIngestionService;
import io.streamlake.runtime.config.InvalidSettingsException;
import io.streamlake.runtime.config.Settings;
import java.time.Clock;
import java.util.Optional;

/**
 * The core's use cases on whatever ports the other modules bind: {@link IngestEventUseCase},
 * {@link IngestStreamUseCase} and {@link ReplayDeadLettersUseCase}, which all prepare events through one
 * {@link IngestionService}, so the data-contract rules ({@link PayloadRules}, bound by {@link SchemaCodecModule}; none
 * when unbound) run on every path that publishes. Metrics go nowhere unless
 * {@link io.streamlake.runtime.metrics.MetricsModule} (or another {@link IngestionMetrics} binding) is installed. Needs {@link Settings} bound, the codec ports
 * ({@link SchemaCodecModule}) and a transport's ports ({@link io.streamlake.runtime.spi.TransportProvider}).
 */
public final class CoreIngestionModule extends AbstractModule {

    @Override
    protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), DeadLetterSource.class);
        OptionalBinder.newOptionalBinder(binder(), DeadLetterBacklog.class);
        OptionalBinder.newOptionalBinder(binder(), IngestionMetrics.class)
                .setDefault()
                .toInstance(IngestionMetrics.none());
        OptionalBinder.newOptionalBinder(binder(), PayloadRules.class)
                .setDefault()
                .toInstance(PayloadRules.none());
    }

    @Provides
    @Singleton
    IdGenerator ids() {
        return IdGenerator.randomUuids();
    }

    @Provides
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Provides
    @Singleton
    IngestionSettings ingestionSettings(Settings settings) {
        return settings.core().ingestionSettings();
    }

    @Provides
    @Singleton
    StagedIngestUseCase stagedIngest(
            IngestionSettings settings,
            PayloadParser parser,
            PayloadValidator validator,
            PayloadRules rules,
            PayloadSerializer serializer,
            EventPublisher publisher,
            DeadLetterPort deadLetters,
            IdGenerator ids,
            Clock clock,
            IngestionMetrics metrics) {
        return new IngestionService(
                settings, parser, validator, rules, serializer, publisher, deadLetters, ids, clock, metrics);
    }

    @Provides
    IngestEventUseCase ingestEvent(StagedIngestUseCase staged) {
        return staged;
    }

    @Provides
    @Singleton
    IngestStreamUseCase ingestStream(
            StagedIngestUseCase staged,
            IngestionSettings settings,
            EventPublisher publisher,
            DeadLetterPort deadLetters) {
        return new StreamIngestionService(
                staged, settings.maxInFlight(), settings.prepareThreads(), flush(publisher, deadLetters));
    }

    @Provides
    @Singleton
    ReplayDeadLettersUseCase replay(
            Optional<DeadLetterBacklog> source,
            PayloadParser parser,
            PayloadValidator validator,
            IngestEventUseCase single,
            IngestionSettings settings,
            EventPublisher publisher,
            DeadLetterPort deadLetters,
            Settings config) {
        DeadLetterBacklog dlq = source.orElseThrow(() -> new InvalidSettingsException(
                "transport '" + config.core().transport() + "' cannot read dead letters back; use transport=kafka"));
        return new ReplayService(dlq, parser, validator, single, settings.maxInFlight(), flush(publisher, deadLetters));
    }

    private static Runnable flush(EventPublisher publisher, DeadLetterPort deadLetters) {
        return () -> {
            publisher.flush();
            deadLetters.flush();
        };
    }
}
