package io.streamlake.schema.registry;

import org.apache.avro.Schema;

/**
 * Names the registry subject a dataset's value schema is registered under. Implementations are stateless
 * and thread-safe. Built-ins: {@link SubjectNameStrategies}.
 */
@FunctionalInterface
public interface SubjectNameStrategy {

    /**
     * @param topic  the topic the records are written to (the dataset's RAW topic)
     * @param schema the record schema
     */
    String subjectName(String topic, Schema schema);
}
