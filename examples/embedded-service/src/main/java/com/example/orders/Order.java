package com.example.orders;

import java.util.Locale;
import java.util.Objects;

/** An order as this service knows it; published to StreamLake's {@code orders} dataset as JSON. */
public record Order(String orderId, double amount) {

    public Order {
        Objects.requireNonNull(orderId, "orderId");
    }

    /** The payload the {@code orders} schema describes: {@code order_id} (string) and {@code amount} (double). */
    public String toJson() {
        return String.format(Locale.ROOT, "{\"order_id\":\"%s\",\"amount\":%s}", escape(orderId), amount);
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
