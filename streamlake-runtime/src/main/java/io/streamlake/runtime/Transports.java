package io.streamlake.runtime;

import io.streamlake.runtime.config.ConfigSection;
import io.streamlake.runtime.config.ConfigSections;
import io.streamlake.runtime.config.CoreConfig;
import io.streamlake.runtime.config.InvalidSettingsException;
import io.streamlake.runtime.spi.TransportProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The transports found on the class path with {@link ServiceLoader}, by name. Immutable. */
public final class Transports {

    private final Map<String, TransportProvider> byName;

    private Transports(Map<String, TransportProvider> byName) {
        this.byName = Map.copyOf(byName);
    }

    /** Every {@link TransportProvider} visible to {@code loader}, built-ins included. */
    public static Transports discover(ClassLoader loader) {
        Map<String, TransportProvider> found = new TreeMap<>();
        for (TransportProvider provider : ServiceLoader.load(TransportProvider.class, loader)) {
            TransportProvider earlier = found.putIfAbsent(provider.name(), provider);
            if (earlier != null && earlier.getClass() != provider.getClass()) {
                throw new InvalidSettingsException("two transports are named '" + provider.name() + "': "
                        + earlier.getClass().getName() + " and "
                        + provider.getClass().getName());
            }
        }
        return new Transports(found);
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
                    + "' is not a known transport (known: " + String.join(", ", byName.keySet()) + ")");
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
