package io.streamlake.core.domain;

import java.util.regex.Pattern;

/**
 * The name of a dataset, e.g. {@code orders}. It becomes part of Kafka topic names
 * ({@code <prefix>.<dataset>.raw}), so it is restricted to what Kafka accepts in a topic name:
 * ASCII letters, digits, {@code .}, {@code _} and {@code -}, at most {@value #MAX_LENGTH} characters,
 * and neither {@code .} nor {@code ..}. {@link TopicNaming} checks the whole topic name's length.
 *
 * @param value the name, never null
 */
public record DatasetName(String value) {

    /** Longest dataset name accepted; with the default prefix the DLQ topic stays far below Kafka's 249. */
    public static final int MAX_LENGTH = 200;

    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]+");

    public DatasetName {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("dataset name must not be empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "dataset name is " + value.length() + " characters long; at most " + MAX_LENGTH + " are allowed");
        }
        if (!LEGAL.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "dataset name '" + value
                            + "' may contain only ASCII letters, digits, '.', '_' and '-' (it becomes part of a Kafka topic name)");
        }
        if (value.equals(".") || value.equals("..")) {
            throw new IllegalArgumentException("dataset name must not be '.' or '..'");
        }
    }

    public static DatasetName of(String value) {
        return new DatasetName(value);
    }

    /**
     * Equal to another dataset name of the same value. Written out, not the record's generated method: datasets key
     * maps looked up for every event, and the generated {@code equals} and {@code hashCode} are method-handle chains
     * that the optimizing compiler inlines at each such lookup at a cost measurable in a 1M-line run
     * (docs/performance.md).
     */
    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof DatasetName other && value.equals(other.value));
    }

    /** The value's hash code. */
    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
