package io.streamlake.embedded;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * Builds Kafka's {@link KafkaClusterTestKit} for an {@link EmbeddedKafkaConfig}: node layout, StreamLake's
 * broker defaults, the client listeners, then the caller's broker properties (they win).
 */
final class TestKitFactory {

    private TestKitFactory() {}

    static KafkaClusterTestKit build(EmbeddedKafkaConfig config, ClusterDirectory dir) throws Exception {
        boolean combined = config.brokers() == 1;
        Map<Integer, Map<String, String>> perNode = new HashMap<>();
        if (!config.clientListeners().isEmpty()) {
            for (int id = 0; id < config.brokers(); id++) {
                perNode.put(id, Map.of("listeners", ListenerPorts.listeners(combined, config.clientListeners())));
            }
        }
        TestKitNodes.Builder nodes = new TestKitNodes.Builder()
                .setCombined(combined)
                .setNumBrokerNodes(config.brokers())
                .setNumControllerNodes(1)
                .setBrokerListenerName(ListenerName.normalised(ClientListener.BROKER_LISTENER))
                .setControllerListenerName(ListenerName.normalised(ClientListener.CONTROLLER_LISTENER))
                .setPerServerProperties(perNode)
                .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                .setBaseDirectory(dir.path());
        dir.clusterId().ifPresent(nodes::setClusterId);
        KafkaClusterTestKit.Builder builder =
                new KafkaClusterTestKit.Builder(nodes.build()).setDeleteOnClose(!dir.kept());
        BrokerDefaults.forBrokers(config.brokers()).forEach(builder::setConfigProp);
        if (!config.clientListeners().isEmpty()) {
            ListenerPorts.brokerProperties(config.clientListeners()).forEach(builder::setConfigProp);
        }
        config.brokerProperties().forEach(builder::setConfigProp);
        return builder.build();
    }
}
