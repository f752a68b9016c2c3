package io.streamlake.runtime;

import io.streamlake.runtime.config.ConfigSection;
import io.streamlake.runtime.config.ConfigSections;
import io.streamlake.runtime.config.CoreConfig;
import io.streamlake.runtime.config.InvalidSettingsException;
import io.streamlake.runtime.spi.TransportProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transports found on the class path with {@link ServiceLoader}, by name. Immutable.
 *
 * <p>A provider that cannot be loaded is skipped, with a warning naming it, instead of failing every use of StreamLake
 * in the process: {@link ServiceLoader} finds the {@code META-INF/services} files of the loader's parents too, and a
 * provider listed there may implement another class loader's copy of {@link TransportProvider} ("not a subtype"). That
 * is the case of a Kafka Connect plugin: its isolated loader sees the worker's class path as well, and a
 * {@link TransportProvider} registered there (say, by an application that runs a worker in-process) belongs to the
 * worker's copy of StreamLake, which the plugin cannot use. A provider whose class is missing or whose constructor
 * fails is skipped the same way. Naming a skipped transport in {@code transport} fails with the reason it was skipped.
 */
public final class Transports {

    private static final Logger LOG = LoggerFactory.getLogger(Transports.class);

    private final Map<String, TransportProvider> byName;
    private final List<String> skipped;

    private Transports(Map<String, TransportProvider> byName, List<String> skipped) {
        this.byName = Map.copyOf(byName);
        this.skipped = List.copyOf(skipped);
    }

    /**
     * Every {@link TransportProvider} visible to {@code loader}, built-ins included; those that cannot be loaded are
     * skipped (see the class comment).
     *
     * @throws InvalidSettingsException two different providers have the same name
     */
    public static Transports discover(ClassLoader loader) {
        Map<String, TransportProvider> found = new TreeMap<>();
        List<String> skipped = new ArrayList<>();
        Iterator<TransportProvider> providers =
                ServiceLoader.load(TransportProvider.class, loader).iterator();
        while (true) {
            TransportProvider provider;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                provider = providers.next();
            } catch (ServiceConfigurationError e) {
                // the iterator has moved past the provider that failed: the next call goes on with the next one
                LOG.warn("transport provider skipped: {}", e.getMessage());
                LOG.debug("transport provider skipped", e);
                skipped.add(e.getMessage());
                continue;
            }
            TransportProvider earlier = found.putIfAbsent(provider.name(), provider);
            if (earlier != null && earlier.getClass() != provider.getClass()) {
                throw new InvalidSettingsException("two transports are named '" + provider.name() + "': "
                        + earlier.getClass().getName() + " and "
                        + provider.getClass().getName());
            }
        }
        return new Transports(found, skipped);
    }

    /** The transports visible to this class's loader. */
    public static Transports discover() {
        return discover(Transports.class.getClassLoader());
    }

    /**
     * @throws InvalidSettingsException naming the {@code transport} key and the known names
     */
    public TransportProvider get(String name) {
        TransportProvider provider = byName.get(name);
        if (provider == null) {
            throw new InvalidSettingsException("invalid configuration: " + CoreConfig.TRANSPORT_CONFIG + "='" + name
                    + "' is not a known transport (known: " + String.join(", ", byName.keySet()) + ")"
                    + (skipped.isEmpty() ? "" : "; providers that could not be loaded: " + String.join("; ", skipped)));
        }
        return provider;
    }

    /** The built-in sections, then one per transport that declares keys of its own: what settings may name. */
    public List<ConfigSection> configSections() {
        List<ConfigSection> out = new ArrayList<>(ConfigSections.builtIn());
        for (TransportProvider provider : all()) {
            if (!provider.configDef().names().isEmpty()) {
                out.add(ConfigSections.transport(provider.name(), provider.configDef()));
            }
        }
        return out;
    }

    /** Every transport, sorted by name. */
    public List<TransportProvider> all() {
        return List.copyOf(new TreeMap<>(byName).values());
    }
}
