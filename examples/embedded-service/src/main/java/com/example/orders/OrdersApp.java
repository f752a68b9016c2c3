package com.example.orders;

import io.streamlake.core.domain.IngestionResult;
import io.streamlake.runtime.StreamLake;

/**
 * The service's entry point: reads StreamLake's settings from the environment ({@code KAFKA_BOOTSTRAP_SERVERS},
 * {@code SCHEMA_REGISTRY_URL}, {@code STREAMLAKE_*}) and publishes one order per pair of arguments
 * ({@code ORDER_ID AMOUNT}), creating the {@code orders} topics when they are missing.
 */
public final class OrdersApp {

    private OrdersApp() {}

    public static void main(String[] args) {
        try (StreamLake lake = StreamLake.builder()
                .fromEnvironment()
                .set("producer.service", "orders-service")
                .provisionTopics(OrderPublisher.DATASET)
                .build()) {
            OrderPublisher orders = new OrderPublisher(lake);
            for (int i = 0; i + 1 < args.length; i += 2) {
                IngestionResult result = orders.publish(new Order(args[i], Double.parseDouble(args[i + 1])));
                System.out.println(args[i] + ": " + result.getClass().getSimpleName());
            }
        }
    }
}
