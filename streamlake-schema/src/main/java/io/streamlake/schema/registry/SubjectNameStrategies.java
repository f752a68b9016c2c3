package io.streamlake.schema.registry;

/** The Confluent subject naming strategies, by their {@code schema.subject.name.strategy} names. */
public final class SubjectNameStrategies {

    /** {@code <topic>-value} (Confluent's TopicNameStrategy; the default). */
    public static final SubjectNameStrategy TOPIC = (topic, schema) -> topic + "-value";
    /** The record's full name (RecordNameStrategy). */
    public static final SubjectNameStrategy RECORD = (topic, schema) -> schema.getFullName();
    /** {@code <topic>-<record full name>} (TopicRecordNameStrategy). */
    public static final SubjectNameStrategy TOPIC_RECORD = (topic, schema) -> topic + "-" + schema.getFullName();

    private SubjectNameStrategies() {}

    /**
     * @param name {@code topic}, {@code record} or {@code topic-record}
     * @throws IllegalArgumentException naming the value otherwise
     */
    public static SubjectNameStrategy byName(String name) {
        return switch (name) {
            case "topic" -> TOPIC;
            case "record" -> RECORD;
            case "topic-record" -> TOPIC_RECORD;
            default ->
                throw new IllegalArgumentException(
                        "unknown subject name strategy '" + name + "' (expected topic, record or topic-record)");
        };
    }
}
