package io.streamlake.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import io.streamlake.core.domain.OutboundEvent;
import io.streamlake.core.domain.PlatformUnavailableException;
import io.streamlake.core.domain.PublishReceipt;
import io.streamlake.core.domain.RetriableStreamLakeException;
import io.streamlake.core.port.out.DeadLetterPort;
import io.streamlake.core.port.out.EventPublisher;
import io.streamlake.core.testing.InMemoryDeadLetterPort;
import io.streamlake.core.testing.InMemoryEventPublisher;
import io.streamlake.runtime.config.Settings;
import io.streamlake.runtime.spi.TransportProvider;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.config.ConfigDef;

/**
 * A team's own transport, found on the test class path through META-INF/services. Keeps records in memory;
 * {@code recording.mode=fail} makes every RAW publish fail as an outage would; {@code recording.mode=unavailable} as
 * a transport that knows the platform is unreachable (its outage breaker is open).
 */
public final class RecordingTransportProvider implements TransportProvider {

    static volatile InMemoryEventPublisher lastPublisher;
    static volatile InMemoryDeadLetterPort lastDeadLetters;
    /** The names of the threads that called {@code publish} on the last publisher. */
    static final Set<String> publishingThreads = ConcurrentHashMap.newKeySet();

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public String description() {
        return "test transport keeping records in memory";
    }

    @Override
    public ConfigDef configDef() {
        return new ConfigDef()
                .define(
                        "recording.mode",
                        ConfigDef.Type.STRING,
                        "accept",
                        ConfigDef.ValidString.in("accept", "fail", "unavailable"),
                        ConfigDef.Importance.LOW,
                        "accept, fail every RAW publish, or fail it as unavailable (the breaker open).");
    }

    @Override
    public Module module(Settings settings) {
        String mode = settings.section(name()).getString("recording.mode");
        return new AbstractModule() {
            @Override
            protected void configure() {
                publishingThreads.clear();
                InMemoryEventPublisher publisher = new InMemoryEventPublisher();
                if (mode.equals("fail")) {
                    publisher.failWith(e -> new RetriableStreamLakeException("broker at test:1 not reachable", null));
                } else if (mode.equals("unavailable")) {
                    publisher.failWith(e -> new PlatformUnavailableException(
                            "Kafka cluster unreachable since 2026-12-04T10:00:00Z, bootstrap servers test:1",
                            Instant.parse("2026-12-04T10:00:00Z")));
                }
                InMemoryDeadLetterPort deadLetters = new InMemoryDeadLetterPort();
                lastPublisher = publisher;
                lastDeadLetters = deadLetters;
                bind(EventPublisher.class).toInstance(new EventPublisher() {
                    @Override
                    public CompletableFuture<PublishReceipt> publish(OutboundEvent event) {
                        publishingThreads.add(Thread.currentThread().getName());
                        return publisher.publish(event);
                    }

                    @Override
                    public void flush() {
                        publisher.flush();
                    }

                    @Override
                    public void close() {
                        publisher.close();
                    }
                });
                bind(DeadLetterPort.class).toInstance(deadLetters);
            }
        };
    }
}
