package io.streamlake.embedded;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * StreamLake's broker defaults for an embedded cluster: small thread pools for a 2-core machine, internal
 * topics that fit the cluster size, no automatic topic creation.
 */
final class BrokerDefaults {

    private BrokerDefaults() {}

    static Map<String, String> forBrokers(int brokers) {
        String internalRf = Integer.toString(Math.min(brokers, 3));
        Map<String, String> p = new LinkedHashMap<>();
        // sized for 2 cores
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        p.put("num.replica.fetchers", "1");
        p.put("log.cleaner.threads", "1");
        // internal topics: replicated as far as the cluster allows, tolerate one stopped broker
        p.put("offsets.topic.replication.factor", internalRf);
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", internalRf);
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", internalRf);
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        // tests and StreamLake's provisioning create topics explicitly
        p.put("auto.create.topics.enable", "false");
        p.put("group.initial.rebalance.delay.ms", "0");
        // a restarted broker can register only once its previous session expired (default 9 s)
        p.put("broker.session.timeout.ms", "6000");
        p.put("broker.heartbeat.interval.ms", "1000");
        // behave like a production broker: no unstable APIs or features
        p.put("unstable.api.versions.enable", "false");
        p.put("unstable.feature.versions.enable", "false");
        return p;
    }
}
