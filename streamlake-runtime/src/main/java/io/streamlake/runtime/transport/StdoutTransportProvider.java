package io.streamlake.runtime.transport;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.streamlake.core.domain.IngestionSettings;
import io.streamlake.core.port.out.DeadLetterPort;
import io.streamlake.core.port.out.EventPublisher;
import io.streamlake.runtime.ConsoleStreams;
import io.streamlake.runtime.config.Settings;
import io.streamlake.runtime.spi.TransportProvider;

/**
 * The built-in {@code stdout} transport: a dry run. Each record StreamLake would send is written to standard
 * output as one JSON line (topic, key, headers, value), no broker needed.
 */
public final class StdoutTransportProvider implements TransportProvider {

    public static final String NAME = "stdout";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "dry run: one JSON line per record (topic, key, headers, value) on standard output, no broker";
    }

    @Override
    public Module module(Settings settings) {
        return new AbstractModule() {
            @Provides
            @Singleton
            StdoutRecords records(ConsoleStreams console, IngestionSettings ingestion) {
                return new StdoutRecords(console.out(), ingestion.deadLetterPayloadLimit());
            }

            @Provides
            @Singleton
            EventPublisher publisher(StdoutRecords records) {
                return records.publisher();
            }

            @Provides
            @Singleton
            DeadLetterPort deadLetters(StdoutRecords records) {
                return records.deadLetterPort();
            }
        };
    }
}
