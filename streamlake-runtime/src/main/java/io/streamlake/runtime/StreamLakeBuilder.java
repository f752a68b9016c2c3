package io.streamlake.runtime;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.StreamLakeException;
import io.streamlake.kafka.provision.TopicProvisioner;
import io.streamlake.runtime.config.InvalidSettingsException;
import io.streamlake.runtime.config.Settings;
import io.streamlake.runtime.config.SettingsLoader;
import io.streamlake.runtime.transport.KafkaTransportProvider;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

/**
 * Builds a {@link StreamLake}. Settings are the same keys as {@code streamlake.properties}
 * ({@code docs/configuration.md}); ports can be replaced (e.g. an in-house {@code EventPublisher}). Not thread-safe.
 */
public final class StreamLakeBuilder {

    private final Map<String, String> settings = new LinkedHashMap<>();
    private final Map<Class<?>, Object> overrides = new LinkedHashMap<>();
    private final Set<DatasetName> provision = new LinkedHashSet<>();
    private Map<String, String> env = Map.of();
    private Path file;
    private ConsoleStreams console = ConsoleStreams.system();
    private ClassLoader classLoader = StreamLakeBuilder.class.getClassLoader();

    StreamLakeBuilder() {}

    /** One setting, e.g. {@code set("bootstrap.servers", "kafka:9092")}. */
    public StreamLakeBuilder set(String key, String value) {
        settings.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    public StreamLakeBuilder settings(Map<String, String> values) {
        values.forEach(this::set);
        return this;
    }

    public StreamLakeBuilder settings(Properties properties) {
        properties.stringPropertyNames().forEach(k -> set(k, properties.getProperty(k)));
        return this;
    }

    /** Also read this properties file (under the settings given here). */
    public StreamLakeBuilder propertiesFile(Path path) {
        this.file = path;
        return this;
    }

    /** Also read {@code KAFKA_BOOTSTRAP_SERVERS}, {@code STREAMLAKE_*}, … (under the settings given here). */
    public StreamLakeBuilder fromEnvironment() {
        this.env = System.getenv();
        return this;
    }

    /** Replaces a port or service, e.g. {@code override(EventPublisher.class, myPublisher)}. */
    public <T> StreamLakeBuilder override(Class<T> type, T instance) {
        overrides.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(instance, "instance"));
        return this;
    }

    /** Where the {@code stdout} transport writes; the process's stdout by default. */
    public StreamLakeBuilder console(ConsoleStreams streams) {
        this.console = Objects.requireNonNull(streams, "streams");
        return this;
    }

    /**
     * Creates these datasets' RAW and DLQ topics at {@link #build()} when they do not exist (partitions, replication
     * and DLQ retention from the {@code topics.*} settings); existing topics are left as they are. Without it,
     * StreamLake never creates topics: a broker with {@code auto.create.topics.enable=false} (the usual production
     * setting) then fails each event of a missing topic after {@code kafka.max.block.ms}. Needs
     * {@code transport=kafka}.
     *
     * @throws IllegalArgumentException for an invalid dataset name
     */
    public StreamLakeBuilder provisionTopics(String... datasets) {
        for (String dataset : datasets) {
            provision.add(DatasetName.of(dataset));
        }
        return this;
    }

    /** Where transports are looked for; this class's loader by default. */
    public StreamLakeBuilder classLoader(ClassLoader loader) {
        this.classLoader = Objects.requireNonNull(loader, "loader");
        return this;
    }

    /**
     * Validates the settings and connects (the Kafka transport checks that the cluster answers).
     *
     * @throws InvalidSettingsException naming the key: unknown or invalid settings (fatal)
     * @throws StreamLakeException the cluster is not reachable (retriable) or refused the connection (fatal), or
     *         provisioning the topics of {@link #provisionTopics} failed
     */
    public StreamLake build() {
        Transports transports = Transports.discover(classLoader);
        SettingsLoader loader =
                new SettingsLoader(transports.configSections()).env(env).explicit(settings, "set on StreamLakeBuilder");
        if (file != null) {
            loader.file(file);
        }
        Settings loaded = loader.load();
        if (!provision.isEmpty()
                && !KafkaTransportProvider.NAME.equals(loaded.core().transport())) {
            throw new InvalidSettingsException("provisionTopics needs transport=kafka, but transport='"
                    + loaded.core().transport() + "'");
        }
        Module module = new StreamLakeModule(loaded, console, transports);
        if (!overrides.isEmpty()) {
            module = Modules.override(module).with(new AbstractModule() {
                @Override
                protected void configure() {
                    overrides.forEach(this::bindOverride);
                }

                @SuppressWarnings("unchecked")
                private <T> void bindOverride(Class<?> type, Object instance) {
                    bind((Class<T>) type).toInstance((T) instance);
                }
            });
        }
        Injector injector = Injectors.create(module);
        StreamLake lake = new StreamLake(injector);
        try {
            Injectors.unwrap(() -> lake.ingestStream());
            if (!provision.isEmpty()) {
                TopicProvisioner provisioner = Injectors.unwrap(() -> injector.getInstance(TopicProvisioner.class));
                provision.forEach(provisioner::ensureTopics);
            }
        } catch (RuntimeException e) {
            lake.close();
            throw e;
        }
        return lake;
    }
}
