package io.streamlake.test.assertions;

import io.streamlake.core.domain.DeadLetter;
import io.streamlake.core.domain.FatalStreamLakeException;
import io.streamlake.core.domain.HeaderNames;
import io.streamlake.core.domain.RecordedDeadLetter;
import io.streamlake.kafka.read.KafkaDeadLetterSource;
import io.streamlake.kafka.read.ReadOptions;
import io.streamlake.kafka.read.TopicReader;
import io.streamlake.kafka.settings.KafkaAdapterConfig;
import io.streamlake.schema.SchemaRegistryClients;
import io.streamlake.schema.codec.avro.AvroWireDecoder;
import io.streamlake.schema.registry.RegistrySettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Reads a topic from its beginning to the end offsets it had when the read began, with the Kafka adapter's
 * {@link TopicReader}, and decodes each record: RAW values as text or, in the Confluent wire format, with
 * {@link AvroWireDecoder} (the registry is asked for only then); DLQ records with {@link DeadLetterRecordDecoder}.
 */
final class TopicRecords {

    private static final Duration IDLE = Duration.ofSeconds(2);

    private final TopicReader reader;
    private final Supplier<String> registryUrl;
    private AvroWireDecoder avro;

    TopicRecords(Map<String, Object> clientProperties, Supplier<String> registryUrl) {
        Map<String, Object> settings = new LinkedHashMap<>();
        clientProperties.forEach((key, value) -> settings.put(
                key.equals(KafkaAdapterConfig.BOOTSTRAP_SERVERS_CONFIG)
                        ? key
                        : KafkaAdapterConfig.PASSTHROUGH_PREFIX + key,
                value));
        settings.put(KafkaAdapterConfig.CLIENT_ID_CONFIG, "streamlake-test");
        settings.put(KafkaAdapterConfig.CONNECT_CHECK_TIMEOUT_MS_CONFIG, "10000");
        this.reader = new TopicReader(new KafkaAdapterConfig(settings));
        this.registryUrl = registryUrl;
    }

    /** A read of a topic: its records, or why there are none. */
    record Snapshot<R>(List<R> records, String problem) {}

    Snapshot<RawRecord> raw(String topic) {
        return read(topic, this::raw);
    }

    Snapshot<DeadLetterRecord> deadLetters(String topic) {
        return read(topic, record -> {
            RecordedDeadLetter recorded = KafkaDeadLetterSource.decode(record);
            return deadLetter(record, recorded.deadLetter(), recorded.truncated());
        });
    }

    private <R> Snapshot<R> read(String topic, Function<ConsumerRecord<byte[], byte[]>, R> decode) {
        List<R> records = new ArrayList<>();
        try {
            reader.read(topic, ReadOptions.snapshot(Long.MAX_VALUE, IDLE), record -> records.add(decode.apply(record)));
            return new Snapshot<>(records, null);
        } catch (FatalStreamLakeException e) {
            return new Snapshot<>(List.of(), e.getMessage());
        }
    }

    private RawRecord raw(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = headers(record);
        return new RawRecord(
                record.topic(), record.partition(), record.offset(), key(record), value(record, headers), headers);
    }

    private static DeadLetterRecord deadLetter(
            ConsumerRecord<byte[], byte[]> record, DeadLetter letter, boolean truncated) {
        return new DeadLetterRecord(
                record.topic(),
                record.partition(),
                record.offset(),
                key(record),
                text(record.value()),
                headers(record),
                letter.originalPayload(),
                letter.stage().wireName(),
                letter.reason(),
                letter.errorClass(),
                letter.originalTopic(),
                truncated);
    }

    /** Avro when the headers say so, or when the value starts with the wire format's magic byte 0 (JSON never does). */
    private String value(ConsumerRecord<byte[], byte[]> record, Map<String, String> headers) {
        byte[] value = record.value() == null ? new byte[0] : record.value();
        boolean avro = HeaderNames.CONTENT_TYPE_AVRO.equals(headers.get(HeaderNames.CONTENT_TYPE))
                || (value.length > 5 && value[0] == 0);
        if (!avro) {
            return text(value);
        }
        try {
            return avroDecoder().decode(value).toJson();
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "could not decode the Avro value of " + record.topic() + "/" + record.partition() + "@"
                            + record.offset() + ": " + e.getMessage(),
                    e);
        }
    }

    private synchronized AvroWireDecoder avroDecoder() {
        if (avro == null) {
            avro = new AvroWireDecoder(SchemaRegistryClients.create(RegistrySettings.of(registryUrl.get())));
        }
        return avro;
    }

    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? null : text(record.key());
    }

    private static Map<String, String> headers(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? "" : text(header.value()));
        }
        return headers;
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
