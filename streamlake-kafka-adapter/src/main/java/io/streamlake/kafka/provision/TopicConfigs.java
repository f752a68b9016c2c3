package io.streamlake.kafka.provision;

import io.streamlake.core.domain.RetriableStreamLakeException;
import io.streamlake.kafka.settings.KafkaFailures;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeConfigsOptions;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/** Reads the topic settings provisioning cares about, as the broker reports them. */
final class TopicConfigs {

    static final List<String> REPORTED =
            List.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, TopicConfig.RETENTION_MS_CONFIG);

    private TopicConfigs() {}

    static Map<String, Map<String, String>> describe(
            Admin admin, Collection<String> topics, int timeoutMs, KafkaFailures failures) {
        List<ConfigResource> resources = topics.stream()
                .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t))
                .toList();
        Map<ConfigResource, Config> configs;
        try {
            configs = admin.describeConfigs(resources, new DescribeConfigsOptions().timeoutMs(timeoutMs))
                    .all()
                    .get(timeoutMs + 1_000L, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw failures.platform("describing the configs of " + topics, e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new RetriableStreamLakeException(
                    "Kafka at " + failures.bootstrapServers() + " did not describe the configs of " + topics
                            + " within " + timeoutMs + " ms",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetriableStreamLakeException("interrupted while describing " + topics, e);
        }
        Map<String, Map<String, String>> out = new HashMap<>();
        configs.forEach((resource, config) -> {
            Map<String, String> reported = new HashMap<>();
            for (String key : REPORTED) {
                ConfigEntry entry = config.get(key);
                if (entry != null && entry.value() != null) {
                    reported.put(key, entry.value());
                }
            }
            out.put(resource.name(), reported);
        });
        return out;
    }
}
