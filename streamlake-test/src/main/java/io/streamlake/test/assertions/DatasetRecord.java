package io.streamlake.test.assertions;

import java.util.Map;

/**
 * One record of a dataset's RAW or DLQ topic, as {@link RecordsAssert} hands it to a test: where it is, its key,
 * its value decoded to text, and its headers as UTF-8 strings.
 */
public sealed interface DatasetRecord permits RawRecord, DeadLetterRecord {

    String topic();

    int partition();

    long offset();

    /** The key as UTF-8 text; null for a record without a key. */
    String key();

    /** The value as text: JSON as written, an Avro value decoded through the registry as JSON. */
    String value();

    /** Every header, name → UTF-8 value (the last one when a name repeats), in record order. */
    Map<String, String> headers();

    /** The header's value, or null when the record has none of that name. */
    default String header(String name) {
        return headers().get(name);
    }

    /** {@code topic/partition@offset}, for messages. */
    default String position() {
        return topic() + "/" + partition() + "@" + offset();
    }
}
