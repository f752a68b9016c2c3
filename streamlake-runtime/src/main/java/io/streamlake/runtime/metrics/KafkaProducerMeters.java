package io.streamlake.runtime.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.streamlake.kafka.publish.KafkaAdapter;
import java.lang.reflect.Proxy;
import java.util.List;
import org.apache.kafka.clients.producer.Producer;

/**
 * Binds kafka-clients' own producer metrics ({@code kafka.producer.record.send.rate},
 * {@code kafka.producer.request.latency.avg}, …) of a {@link KafkaAdapter} to a registry with Micrometer's
 * {@link KafkaClientMetrics}, which polls the client's metric map (new metrics appear within a minute). The adapter
 * keeps its producer private; the binder only ever calls {@code metrics()}, so it gets a view that answers
 * {@code metrics()} from {@link KafkaAdapter#producerMetrics()} and refuses everything else.
 */
public final class KafkaProducerMeters {

    private KafkaProducerMeters() {}

    /**
     * Binds and returns the binder; close it (it owns a polling thread) before the adapter.
     */
    public static KafkaClientMetrics bind(KafkaAdapter adapter, MeterRegistry registry) {
        KafkaClientMetrics binder =
                new KafkaClientMetrics(metricsView(adapter), List.of(Tag.of("client", "streamlake")));
        binder.bindTo(registry);
        return binder;
    }

    @SuppressWarnings("unchecked")
    private static Producer<byte[], byte[]> metricsView(KafkaAdapter adapter) {
        return (Producer<byte[], byte[]>) Proxy.newProxyInstance(
                KafkaProducerMeters.class.getClassLoader(),
                new Class<?>[] {Producer.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "metrics" -> adapter.producerMetrics();
                    case "toString" -> "metrics of " + adapter;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default ->
                        throw new UnsupportedOperationException(
                                method.getName() + " is not available on a metrics view");
                });
    }
}
