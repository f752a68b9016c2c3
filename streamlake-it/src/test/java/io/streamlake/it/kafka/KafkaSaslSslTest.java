package io.streamlake.it.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.FatalStreamLakeException;
import io.streamlake.core.domain.IngestionResult;
import io.streamlake.core.port.in.IngestCommand;
import io.streamlake.it.support.SecureKafkaEndpoint;
import io.streamlake.it.support.StreamLakeIntegrationTest;
import io.streamlake.kafka.publish.KafkaAdapter;
import io.streamlake.kafka.settings.KafkaAdapterConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** SASL_SSL with SCRAM-SHA-512 and a TLS trust store, all through kafka.-prefixed pass-through settings. */
@StreamLakeIntegrationTest
class KafkaSaslSslTest {

    @Test
    void givenSaslSslPassthroughSettings_thenProvisionsPublishesAndHidesEverySecret(SecureKafkaEndpoint secure)
            throws Exception {
        DatasetName dataset = DatasetName.of(secure.plaintext().uniqueName("tls"));
        KafkaAdapterConfig config = new KafkaAdapterConfig(AdapterFixture.settings(secure.clientProperties()));
        try (KafkaAdapter adapter = KafkaAdapter.create(config, AdapterFixture.NAMING)) {
            String raw = adapter.topicProvisioner().ensureTopics(dataset).raw().name();

            IngestionResult result = AdapterFixture.ingestion(adapter, dataset)
                    .ingest(IngestCommand.of(dataset, "k", "id=1".getBytes(UTF_8)))
                    .get(30, TimeUnit.SECONDS);

            assertThat(result).isInstanceOf(IngestionResult.Published.class);
            List<ConsumerRecord<byte[], byte[]>> read = secure.plaintext().consumeAll(raw, 1, Duration.ofSeconds(30));
            assertThat(read).hasSize(1);
            assertThat(AdapterFixture.headers(read.get(0))).containsEntry("dataset", dataset.value());
        }
        assertThat(config.toString())
                .contains("kafka.security.protocol=SASL_SSL")
                .doesNotContain(secure.password())
                .doesNotContain(secure.trustStorePassword());
    }

    @Test
    void givenWrongScramPassword_thenCreateFailsFatalNamingMechanismAndPrincipalButNotPassword(
            SecureKafkaEndpoint secure) {
        assertThatThrownBy(() -> KafkaAdapter.create(
                        AdapterFixture.settings(secure.clientProperties(secure.username(), "not-the-Pa55word")),
                        AdapterFixture.NAMING))
                .isInstanceOf(FatalStreamLakeException.class)
                .hasMessageContaining(secure.bootstrapServers())
                .hasMessageContaining("SCRAM-SHA-512")
                .hasMessageContaining("principal=" + secure.username())
                .hasMessageNotContaining("not-the-Pa55word")
                .hasMessageNotContaining(secure.trustStorePassword());
    }
}
