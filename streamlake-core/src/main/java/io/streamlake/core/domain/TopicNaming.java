package io.streamlake.core.domain;

import java.util.regex.Pattern;

/**
 * Names a dataset's topics: {@code <prefix>.<dataset>.raw} and {@code <prefix>.<dataset>.dlq}; and the compacted
 * topic of exactly-once file checkpoints, {@code <prefix>.checkpoints} (two parts: never a dataset's topic).
 *
 * @param prefix the topic prefix, {@value #DEFAULT_PREFIX} by default
 */
public record TopicNaming(String prefix) {

    public static final String DEFAULT_PREFIX = "streamlake";
    /** Kafka's limit on a topic name's length. */
    public static final int MAX_TOPIC_LENGTH = 249;

    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]+");

    public TopicNaming {
        if (prefix == null || prefix.isEmpty() || !LEGAL.matcher(prefix).matches()) {
            throw new IllegalArgumentException("topic prefix '" + prefix
                    + "' may contain only ASCII letters, digits, '.', '_' and '-', and must not be empty");
        }
        if (prefix.length() > MAX_TOPIC_LENGTH - DatasetName.MAX_LENGTH - ".x.raw".length() + 1) {
            throw new IllegalArgumentException(
                    "topic prefix '" + prefix + "' is too long: with a " + DatasetName.MAX_LENGTH
                            + "-character dataset the topic would exceed " + MAX_TOPIC_LENGTH + " characters");
        }
    }

    public static TopicNaming defaults() {
        return new TopicNaming(DEFAULT_PREFIX);
    }

    /** The topic valid events of {@code dataset} are published to. */
    public String raw(DatasetName dataset) {
        return prefix + "." + dataset.value() + ".raw";
    }

    /** The topic dead letters of {@code dataset} are published to. */
    public String deadLetter(DatasetName dataset) {
        return prefix + "." + dataset.value() + ".dlq";
    }

    /** The compacted topic where exactly-once file runs commit their checkpoints, keyed by file. */
    public String checkpoints() {
        return prefix + ".checkpoints";
    }
}
