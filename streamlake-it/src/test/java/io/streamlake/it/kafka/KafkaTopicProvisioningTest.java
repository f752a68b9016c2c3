package io.streamlake.it.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.it.support.StreamLakeIntegrationTest;
import io.streamlake.kafka.provision.ProvisioningResult;
import io.streamlake.kafka.provision.TopicProvisioner;
import io.streamlake.kafka.settings.KafkaAdapterConfig;
import io.streamlake.test.KafkaEndpoint;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/** Provisioning creates RAW and DLQ topics with the requested settings, and is a no-op the second time. */
@StreamLakeIntegrationTest
class KafkaTopicProvisioningTest {

    private static TopicProvisioner provisioner(KafkaEndpoint kafka, int partitions) {
        return TopicProvisioner.create(
                new KafkaAdapterConfig(AdapterFixture.settings(
                        kafka,
                        "topics.partitions",
                        String.valueOf(partitions),
                        "topics.replication.factor",
                        "1",
                        "topics.min.insync.replicas",
                        "1",
                        "topics.dlq.retention.ms",
                        "3600000",
                        "topics.raw.retention.ms",
                        "7200000")),
                AdapterFixture.NAMING);
    }

    @Test
    void givenNewDataset_thenBothTopicsCreatedWithRequestedSettings_andSecondCallChangesNothing(KafkaEndpoint kafka)
            throws Exception {
        DatasetName dataset = AdapterFixture.dataset(kafka, "prov");
        String raw = AdapterFixture.NAMING.raw(dataset);
        String dlq = AdapterFixture.NAMING.deadLetter(dataset);
        try (TopicProvisioner provisioner = provisioner(kafka, 4);
                Admin admin = kafka.admin()) {
            ProvisioningResult first = provisioner.ensureTopics(dataset);

            assertThat(first.raw().created()).isTrue();
            assertThat(first.deadLetter().created()).isTrue();
            assertThat(first.warnings()).isEmpty();
            Map<String, TopicDescription> described =
                    admin.describeTopics(List.of(raw, dlq)).allTopicNames().get(30, TimeUnit.SECONDS);
            for (TopicDescription d : described.values()) {
                assertThat(d.partitions()).hasSize(4);
                assertThat(d.partitions()).allSatisfy((TopicPartitionInfo p) -> {
                    assertThat(p.replicas()).hasSize(1);
                    assertThat(p.leader()).isNotNull();
                });
            }
            Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(
                            new ConfigResource(ConfigResource.Type.TOPIC, raw),
                            new ConfigResource(ConfigResource.Type.TOPIC, dlq)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
            Config rawConfig = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, raw));
            Config dlqConfig = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, dlq));
            assertThat(rawConfig.get("min.insync.replicas").value()).isEqualTo("1");
            assertThat(rawConfig.get("retention.ms").value()).isEqualTo("7200000");
            assertThat(dlqConfig.get("min.insync.replicas").value()).isEqualTo("1");
            assertThat(dlqConfig.get("retention.ms").value()).isEqualTo("3600000");
            assertThat(first.deadLetter().configs()).containsEntry("retention.ms", "3600000");

            ProvisioningResult second = provisioner.ensureTopics(dataset);

            assertThat(second.alreadyExisted()).isTrue();
            assertThat(second.warnings()).isEmpty();
            assertThat(second.raw().partitions()).isEqualTo(4);
            assertThat(second.deadLetter().configs()).containsEntry("retention.ms", "3600000");
        }
    }

    @Test
    void givenExistingTopicsWithOtherPartitionCount_thenNothingChangedAndWarningNamesTheDifference(
            KafkaEndpoint kafka) {
        DatasetName dataset = AdapterFixture.dataset(kafka, "prov-diff");
        try (TopicProvisioner two = provisioner(kafka, 2);
                TopicProvisioner eight = provisioner(kafka, 8)) {
            two.ensureTopics(dataset);

            ProvisioningResult again = eight.ensureTopics(dataset);

            assertThat(again.alreadyExisted()).isTrue();
            assertThat(again.raw().partitions()).isEqualTo(2);
            assertThat(again.warnings())
                    .hasSize(2)
                    .allSatisfy(w -> assertThat(w).contains("has 2 partitions, not the requested 8"));
        }
    }
}
