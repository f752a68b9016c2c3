package io.streamlake.it.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.FatalStreamLakeException;
import io.streamlake.core.domain.FileCheckpoint;
import io.streamlake.core.domain.IngestionResult;
import io.streamlake.core.port.in.IngestCommand;
import io.streamlake.core.port.out.TransactionalOutput;
import io.streamlake.kafka.publish.KafkaAdapter;
import io.streamlake.kafka.settings.KafkaAdapterConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SASL settings pass through to kafka-clients; a refused login fails at start, fatal, naming the mechanism and
 * principal but never the password; a user without ACLs gets fatal "not authorized" outcomes naming the topic.
 */
class KafkaSecurityTest {

    private static SaslCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        cluster = new SaslCluster();
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static Map<String, Object> settings(String user, String password, String... more) {
        Map<String, Object> settings = new HashMap<>(Map.of(
                "bootstrap.servers",
                cluster.bootstrapServers(),
                "connect.check.timeout.ms",
                "10000",
                "kafka.security.protocol",
                "SASL_PLAINTEXT",
                "kafka.sasl.mechanism",
                "PLAIN",
                "kafka.sasl.jaas.config",
                SaslCluster.jaas(user, password)));
        for (int i = 0; i < more.length; i += 2) {
            settings.put(more[i], more[i + 1]);
        }
        return settings;
    }

    @Test
    void givenWrongPassword_thenCreateFailsFatalNamingMechanismAndPrincipalButNotPassword() {
        assertThatThrownBy(() -> KafkaAdapter.create(settings(SaslCluster.ADMIN, "wr0ng-pa55"), AdapterFixture.NAMING))
                .isInstanceOf(FatalStreamLakeException.class)
                .hasMessageContaining(cluster.bootstrapServers())
                .hasMessageContaining("sasl.mechanism=PLAIN")
                .hasMessageContaining("principal=" + SaslCluster.ADMIN)
                .hasMessageNotContaining("wr0ng-pa55");
    }

    @Test
    void givenSuperUser_thenProvisionsAndPublishesOverSasl() throws Exception {
        DatasetName dataset = DatasetName.of("sasl-ok");
        try (KafkaAdapter adapter =
                KafkaAdapter.create(settings(SaslCluster.ADMIN, SaslCluster.ADMIN_PASSWORD), AdapterFixture.NAMING)) {
            adapter.topicProvisioner().ensureTopics(dataset);

            IngestionResult result = AdapterFixture.ingestion(adapter, dataset)
                    .ingest(IngestCommand.of(dataset, "k", "id=1".getBytes(UTF_8)))
                    .get(30, TimeUnit.SECONDS);

            assertThat(result).isInstanceOf(IngestionResult.Published.class);
            assertThat(adapter.config().toString()).doesNotContain(SaslCluster.ADMIN_PASSWORD);
        }
    }

    @Test
    void givenUserWithoutAcls_thenProvisioningIsNotAuthorizedNamingTheTopic() {
        DatasetName dataset = DatasetName.of("sasl-denied");
        try (KafkaAdapter adapter =
                KafkaAdapter.create(settings(SaslCluster.USER, SaslCluster.USER_PASSWORD), AdapterFixture.NAMING)) {
            assertThatThrownBy(() -> adapter.topicProvisioner().ensureTopics(dataset))
                    .isInstanceOf(FatalStreamLakeException.class)
                    .hasMessageContaining("Not authorized")
                    .hasMessageContaining(AdapterFixture.NAMING.raw(dataset))
                    .hasMessageContaining(cluster.bootstrapServers());
        }
    }

    @Test
    void givenUserWithoutAcls_thenPublishingFailsFatalNeverPublished() throws Exception {
        DatasetName dataset = DatasetName.of("sasl-nowrite");
        try (KafkaAdapter admin =
                KafkaAdapter.create(settings(SaslCluster.ADMIN, SaslCluster.ADMIN_PASSWORD), AdapterFixture.NAMING)) {
            admin.topicProvisioner().ensureTopics(dataset);
        }
        try (KafkaAdapter adapter = KafkaAdapter.create(
                settings(
                        SaslCluster.USER,
                        SaslCluster.USER_PASSWORD,
                        "kafka.max.block.ms",
                        "5000",
                        "delivery.timeout.ms",
                        "10000",
                        "request.timeout.ms",
                        "5000"),
                AdapterFixture.NAMING)) {
            IngestionResult result = AdapterFixture.ingestion(adapter, dataset)
                    .ingest(IngestCommand.of(dataset, "k", "id=1".getBytes(UTF_8)))
                    .get(30, TimeUnit.SECONDS);

            assertThat(result).isInstanceOfSatisfying(IngestionResult.Failed.class, failed -> {
                assertThat(failed.retriable()).isFalse();
                assertThat(failed.reason()).contains("Not authorized").contains(cluster.bootstrapServers());
            });
        }
    }

    /**
     * The ACLs docs/operations.md lists for exactly-once file runs are enough, and without the TransactionalId ACL
     * opening fails fatal, naming the transactional.id.
     */
    @Test
    void givenTheDocumentedAcls_thenAnExactlyOnceRunCommitsAndWithoutTheTransactionalIdAclItIsRefused()
            throws Exception {
        DatasetName dataset = DatasetName.of("sasl-eos");
        Map<String, Object> admin = settings(SaslCluster.ADMIN, SaslCluster.ADMIN_PASSWORD);
        try (KafkaAdapter adapter = KafkaAdapter.create(admin, AdapterFixture.NAMING)) {
            adapter.topicProvisioner().ensureTopics(dataset);
            adapter.topicProvisioner().ensureCheckpointTopic();
        }
        String user = "User:" + SaslCluster.USER;
        List<AclBinding> topics = List.of(
                        allow(
                                ResourceType.TOPIC,
                                AdapterFixture.NAMING.raw(dataset),
                                PatternType.LITERAL,
                                user,
                                AclOperation.WRITE,
                                AclOperation.DESCRIBE),
                        allow(
                                ResourceType.TOPIC,
                                AdapterFixture.NAMING.deadLetter(dataset),
                                PatternType.LITERAL,
                                user,
                                AclOperation.WRITE,
                                AclOperation.DESCRIBE),
                        allow(
                                ResourceType.TOPIC,
                                AdapterFixture.NAMING.checkpoints(),
                                PatternType.LITERAL,
                                user,
                                AclOperation.READ,
                                AclOperation.WRITE,
                                AclOperation.DESCRIBE))
                .stream()
                .flatMap(List::stream)
                .toList();
        Map<String, Object> adminClient = new HashMap<>(Map.of(
                "bootstrap.servers",
                cluster.bootstrapServers(),
                "security.protocol",
                "SASL_PLAINTEXT",
                "sasl.mechanism",
                "PLAIN",
                "sasl.jaas.config",
                SaslCluster.jaas(SaslCluster.ADMIN, SaslCluster.ADMIN_PASSWORD)));
        KafkaAdapterConfig userConfig = new KafkaAdapterConfig(settings(SaslCluster.USER, SaslCluster.USER_PASSWORD));
        String path = "/data/sasl-eos.jsonl";
        try (Admin acls = Admin.create(adminClient)) {
            acls.createAcls(topics).all().get(30, TimeUnit.SECONDS);

            assertThatThrownBy(() ->
                            KafkaAdapter.openTransactional(userConfig, AdapterFixture.NAMING, 1024, dataset, path))
                    .isInstanceOf(FatalStreamLakeException.class)
                    .hasMessageContaining("Not authorized")
                    .hasMessageContaining("transactional.id streamlake-sasl-eos-");

            acls.createAcls(allow(
                            ResourceType.TRANSACTIONAL_ID,
                            "streamlake-",
                            PatternType.PREFIXED,
                            user,
                            AclOperation.WRITE,
                            AclOperation.DESCRIBE))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        FileCheckpoint checkpoint = new FileCheckpoint(path, 10, 10, "ab", 10, 1);
        try (TransactionalOutput output =
                KafkaAdapter.openTransactional(userConfig, AdapterFixture.NAMING, 1024, dataset, path)) {
            assertThat(output.lastCheckpoint()).isEmpty();
            output.begin();
            IngestionResult result = new io.streamlake.core.service.IngestionService(
                            io.streamlake.core.domain.IngestionSettings.defaults()
                                    .withTopics(AdapterFixture.NAMING),
                            new io.streamlake.core.testing.KeyValuePayloadParser(),
                            new io.streamlake.core.testing.InMemoryPayloadValidator()
                                    .require(dataset, io.streamlake.core.domain.SchemaVersion.of(1), "id"),
                            new io.streamlake.core.testing.InMemoryPayloadSerializer(),
                            output.publisher(),
                            output.deadLetters(),
                            io.streamlake.core.port.out.IdGenerator.randomUuids(),
                            java.time.Clock.systemUTC())
                    .ingest(IngestCommand.of(dataset, "k", "id=1".getBytes(UTF_8)))
                    .get(30, TimeUnit.SECONDS);
            assertThat(result).isInstanceOf(IngestionResult.Published.class);
            output.commit(checkpoint);
            assertThat(output.lastCheckpoint()).contains(checkpoint);
        }
    }

    private static List<AclBinding> allow(
            ResourceType type, String name, PatternType pattern, String principal, AclOperation... operations) {
        return java.util.Arrays.stream(operations)
                .map(op -> new AclBinding(
                        new ResourcePattern(type, name, pattern),
                        new AccessControlEntry(principal, "*", op, AclPermissionType.ALLOW)))
                .toList();
    }
}
