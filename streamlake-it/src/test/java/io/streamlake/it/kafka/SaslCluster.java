package io.streamlake.it.kafka;

import io.streamlake.test.StreamLakeExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.test.JaasUtils;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A one-node KRaft cluster whose client listener is SASL_PLAINTEXT (PLAIN) with Kafka's StandardAuthorizer:
 * {@link #ADMIN} is a super user, {@link #USER} has no ACLs. The shared test broker is PLAINTEXT and the
 * testkit's {@code SaslSslKafkaCluster} has no authorizer, so this test builds Kafka's own test kit directly.
 * The kit points the JVM-wide {@code java.security.auth.login.config} at its broker JAAS file; {@link #close}
 * restores it.
 */
final class SaslCluster implements AutoCloseable {

    static final String ADMIN = JaasUtils.KAFKA_PLAIN_ADMIN;
    static final String ADMIN_PASSWORD = JaasUtils.KAFKA_PLAIN_ADMIN_PASSWORD;
    static final String USER = JaasUtils.KAFKA_PLAIN_USER1;
    static final String USER_PASSWORD = JaasUtils.KAFKA_PLAIN_USER1_PASSWORD;

    private static final String JAAS_PROPERTY = "java.security.auth.login.config";

    private final KafkaClusterTestKit kit;
    private final String previousJaas;

    SaslCluster() throws Exception {
        previousJaas = System.getProperty(JAAS_PROPERTY);
        Path base = Files.createDirectories(StreamLakeExtension.workDirectory().resolve("sasl-kafka"));
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .setBrokerSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT)
                .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                .setBaseDirectory(Files.createTempDirectory(base, "kafka-"))
                .build();
        kit = new KafkaClusterTestKit.Builder(nodes)
                .setDeleteOnClose(true)
                .setConfigProp("num.network.threads", "2")
                .setConfigProp("num.io.threads", "2")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("auto.create.topics.enable", "false")
                // the controller listener stays PLAINTEXT: its (anonymous) broker registration must be allowed
                .setConfigProp("super.users", "User:" + ADMIN + ";User:ANONYMOUS")
                .setConfigProp("unstable.api.versions.enable", "false")
                .setConfigProp("unstable.feature.versions.enable", "false")
                .build();
        try {
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    String bootstrapServers() {
        return kit.bootstrapServers();
    }

    /** The {@code sasl.jaas.config} of a PLAIN login. */
    static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user + "\" password=\""
                + password + "\";";
    }

    @Override
    public void close() throws Exception {
        try {
            kit.close();
        } finally {
            if (previousJaas == null) {
                System.clearProperty(JAAS_PROPERTY);
            } else {
                System.setProperty(JAAS_PROPERTY, previousJaas);
            }
            javax.security.auth.login.Configuration.setConfiguration(null);
        }
    }
}
