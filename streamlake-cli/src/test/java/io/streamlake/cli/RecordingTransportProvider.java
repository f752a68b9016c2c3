package io.streamlake.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import io.streamlake.core.domain.OutboundEvent;
import io.streamlake.core.domain.PublishReceipt;
import io.streamlake.core.domain.RetriableStreamLakeException;
import io.streamlake.core.port.out.DeadLetterPort;
import io.streamlake.core.port.out.EventPublisher;
import io.streamlake.core.testing.InMemoryDeadLetterPort;
import io.streamlake.core.testing.InMemoryEventPublisher;
import io.streamlake.runtime.config.Settings;
import io.streamlake.runtime.spi.TransportProvider;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.config.ConfigDef;

/**
 * A team's own transport, found on the test class path through META-INF/services. Keeps records in memory;
 * {@code recording.mode=fail} makes every RAW publish fail as an outage would.
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
                        ConfigDef.ValidString.in("accept", "fail"),
                        ConfigDef.Importance.LOW,
                        "accept, or fail every RAW publish.");
    }

    @Override
    public Module module(Settings settings) {
        boolean fail = settings.section(name()).getString("recording.mode").equals("fail");
        return new AbstractModule() {
            @Override
            protected void configure() {
                publishingThreads.clear();
                InMemoryEventPublisher publisher = new InMemoryEventPublisher();
                if (fail) {
                    publisher.failWith(e -> new RetriableStreamLakeException("broker at test:1 not reachable", null));
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
