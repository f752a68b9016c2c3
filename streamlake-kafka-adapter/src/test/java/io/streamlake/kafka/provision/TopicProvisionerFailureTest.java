package io.streamlake.kafka.provision;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.FatalStreamLakeException;
import io.streamlake.core.domain.TopicNaming;
import io.streamlake.kafka.settings.KafkaAdapterConfig;
import io.streamlake.kafka.settings.KafkaFailures;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.internals.KafkaFutureImpl;
import org.junit.jupiter.api.Test;

/**
 * How provisioning reports refusals. An Admin that answers createTopics with a broker error stands in for a
 * cluster with ACLs (the integration tests cover creation on a real broker).
 */
class TopicProvisionerFailureTest {

    private static Admin refusingAdmin(RuntimeException error) {
        return (Admin) Proxy.newProxyInstance(
                Admin.class.getClassLoader(), new Class<?>[] {Admin.class}, (proxy, method, args) -> {
                    if (method.getName().equals("createTopics")) {
                        Map<String, KafkaFuture<CreateTopicsResult.TopicMetadataAndConfig>> futures = new HashMap<>();
                        for (Object topic : (Collection<?>) args[0]) {
                            KafkaFutureImpl<CreateTopicsResult.TopicMetadataAndConfig> f = new KafkaFutureImpl<>();
                            f.completeExceptionally(error);
                            futures.put(((NewTopic) topic).name(), f);
                        }
                        return new CreateTopicsResult(futures) {};
                    }
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static TopicProvisioner provisioner(RuntimeException error) {
        KafkaAdapterConfig config =
                new KafkaAdapterConfig(Map.of("bootstrap.servers", "b1:9092", "topics.replication.factor", "3"));
        return new TopicProvisioner(
                refusingAdmin(error), TopicNaming.defaults(), config.topicSettings(), KafkaFailures.of(config));
    }

    @Test
    void givenTopicAuthorizationRefused_thenFatalNamingTopicAndBootstrapServers() {
        try (TopicProvisioner provisioner = provisioner(new TopicAuthorizationException("denied"))) {
            assertThatThrownBy(() -> provisioner.ensureTopics(DatasetName.of("orders")))
                    .isInstanceOf(FatalStreamLakeException.class)
                    .hasMessageContaining("Not authorized")
                    .hasMessageContaining("streamlake.orders.raw")
                    .hasMessageContaining("b1:9092");
        }
    }

    @Test
    void givenClusterAuthorizationRefused_thenFatal() {
        try (TopicProvisioner provisioner = provisioner(new ClusterAuthorizationException("denied"))) {
            assertThatThrownBy(() -> provisioner.ensureTopics(DatasetName.of("orders")))
                    .isInstanceOf(FatalStreamLakeException.class)
                    .hasMessageContaining("streamlake.orders.raw");
        }
    }

    @Test
    void givenReplicationFactorAboveBrokerCount_thenFatalNamingTopicAndSettings() {
        try (TopicProvisioner provisioner = provisioner(new InvalidReplicationFactorException("only 1 broker"))) {
            assertThatThrownBy(() -> provisioner.ensureTopics(DatasetName.of("orders")))
                    .isInstanceOf(FatalStreamLakeException.class)
                    .hasMessageContaining("refused to create topic streamlake.orders.raw")
                    .hasMessageContaining("replication factor=3")
                    .hasMessageContaining("only 1 broker");
        }
    }
}
