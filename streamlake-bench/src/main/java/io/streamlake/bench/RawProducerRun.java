package io.streamlake.bench;

import io.streamlake.core.domain.TopicNaming;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Scenarios {@code raw} and {@code flush-per-event}: a plain {@code KafkaProducer<byte[], byte[]>} built from the
 * StreamLake adapter's own {@code producerProperties()} (acks, idempotence, in-flight, linger, batch, compression,
 * timeouts: identical), sending the workload's pre-serialized JSON values, keys, timestamps and precomputed headers.
 * {@code flush-per-event} flushes after every send, so each event waits for its own broker round trip. Like
 * StreamLake's runs, the first send pays the topic's metadata fetch.
 */
final class RawProducerRun {

    private RawProducerRun() {}

    static RunResult run(
            BenchCluster cluster, Workload workload, String label, int pair, int events, boolean flushEach) {
        TopicNaming naming = cluster.freshTopics(label);
        String topic = naming.raw(Workload.DATASET);
        Latencies latencies = new Latencies(events);
        AtomicLong acked = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long bytes = 0;
        long started;
        long finished;
        RunCpu.Used cpuUsed;
        Map<String, Double> batching;
        try (Producer<byte[], byte[]> producer =
                new KafkaProducer<>(cluster.adapterConfig().producerProperties())) {
            RunCpu cpu = RunCpu.inThisJvm(cluster);
            started = System.nanoTime();
            for (int n = 0; n < events; n++) {
                byte[] value = workload.payload(n);
                bytes += value.length;
                long sent = System.nanoTime();
                producer.send(
                        new ProducerRecord<>(
                                topic,
                                null,
                                workload.timestamp(n),
                                workload.key(n),
                                value,
                                new RecordHeaders(workload.headers(n))),
                        (metadata, error) -> {
                            latencies.record(System.nanoTime() - sent);
                            (error == null ? acked : failed).incrementAndGet();
                        });
                if (flushEach) {
                    producer.flush();
                }
            }
            producer.flush();
            awaitCallbacks(acked, failed, events);
            finished = System.nanoTime();
            cpuUsed = cpu.stop();
            batching = RunResult.batchingOf(producer.metrics());
        }
        return RunResult.inJvm(
                label,
                pair,
                events,
                acked.get(),
                finished - started,
                bytes,
                latencies,
                batching,
                cpuUsed,
                cluster.recordCount(topic));
    }

    private static void awaitCallbacks(AtomicLong acked, AtomicLong failed, long events) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (acked.get() + failed.get() < events && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }
}
