package io.streamlake.connect;

import io.streamlake.runtime.records.PreparedRecord;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * A single message transform that makes any source connector's record into the record {@code streamlake produce}
 * writes for the same payload: it takes a value of JSON text or bytes, or a {@code Struct} or {@code Map} (rendered as
 * JSON), runs StreamLake's prepare stage (parse, key from {@code key.field}, validate against the catalog or registry,
 * serialize as JSON or as Avro in the Confluent wire format) and rewrites the record:
 * <ul>
 *   <li>good data: the dataset's RAW topic, the key's UTF-8 bytes, the serialized value, StreamLake's headers (in
 *       place of the record's own), the event time as timestamp, no partition (the worker's producer partitions on
 *       the key bytes as {@code produce} does);</li>
 *   <li>bad data: the dataset's DLQ topic, the dead letter's key, the DLQ JSON value and the original headers plus
 *       {@code dlq_*}, the failure time as timestamp.</li>
 * </ul>
 * Keys and values come out as {@code byte[]} (schema {@code BYTES}) and headers as bytes: configure
 * {@code org.apache.kafka.connect.converters.ByteArrayConverter} as the key, value and header converter so that they
 * reach Kafka unchanged. A platform failure (the registry cannot be reached) throws {@link RetriableException}: the
 * worker retries the record ({@code errors.retry.timeout}); nothing is dead-lettered because the platform was unwell.
 * One instance per task, as Connect creates them.
 */
public class StreamLakeTransform<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {

    private EventRecords records;

    @Override
    public void configure(Map<String, ?> configs) {
        records = EventRecords.start(new StreamLakeConnectConfig(config(), configs));
    }

    @Override
    public R apply(R record) {
        PreparedRecord prepared = records.prepare(JsonRendering.payload(record.value()), null);
        ProducerRecord<byte[], byte[]> out = prepared.record();
        return record.newRecord(
                out.topic(),
                out.partition(),
                out.key() == null ? Schema.OPTIONAL_BYTES_SCHEMA : Schema.BYTES_SCHEMA,
                out.key(),
                Schema.BYTES_SCHEMA,
                out.value(),
                out.timestamp(),
                EventRecords.headers(out));
    }

    @Override
    public ConfigDef config() {
        return StreamLakeConnectConfig.transformDef();
    }

    @Override
    public String version() {
        return PluginVersion.VERSION;
    }

    @Override
    public void close() {
        if (records != null) {
            records.close();
            records = null;
        }
    }
}
