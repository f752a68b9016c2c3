package com.example.orders;

import io.streamlake.core.domain.IngestionResult;
import io.streamlake.runtime.StreamLake;
import java.util.Objects;

/**
 * How this service publishes orders: through one shared {@link StreamLake}, keyed by order id so that one
 * order's events keep their order. Bad data ends on the dataset's DLQ and an outage comes back as
 * {@link IngestionResult.Failed}; neither throws.
 */
public final class OrderPublisher {

    public static final String DATASET = "orders";

    private final StreamLake lake;

    public OrderPublisher(StreamLake lake) {
        this.lake = Objects.requireNonNull(lake, "lake");
    }

    /** Publishes one order and waits for its outcome. */
    public IngestionResult publish(Order order) {
        return lake.produce(order.orderId(), order.toJson(), DATASET, null);
    }

    /** Publishes a payload as received from outside (a web hook, a file), which StreamLake validates. */
    public IngestionResult publishRaw(String key, String json) {
        return lake.produce(key, json, DATASET, null);
    }
}
