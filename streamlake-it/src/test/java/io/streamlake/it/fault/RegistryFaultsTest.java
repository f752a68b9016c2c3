package io.streamlake.it.fault;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.streamlake.core.domain.BatchSummary;
import io.streamlake.core.domain.IngestionResult;
import io.streamlake.core.domain.RetriableStreamLakeException;
import io.streamlake.core.domain.SchemaVersion;
import io.streamlake.core.domain.TopicNaming;
import io.streamlake.core.port.in.IngestCommand;
import io.streamlake.it.support.StreamLakeIntegrationTest;
import io.streamlake.schema.SchemaModule;
import io.streamlake.schema.SchemaModuleFactory;
import io.streamlake.schema.config.SchemaConfig;
import io.streamlake.schema.registry.compat.PreparedSchema;
import io.streamlake.test.KafkaEndpoint;
import io.streamlake.test.RegistryEndpoint;
import io.streamlake.test.secure.AuthenticatingRegistryProxy;
import io.streamlake.test.secure.RegistryCredentials;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Schema Registry fails, with the Avro codec. The outage is real: an {@link AuthenticatingRegistryProxy} in
 * front of the shared registry is the only way to it, and closing the proxy leaves nothing listening on its port.
 * At start StreamLake fails fast with one line naming the URL; mid-run, events whose schema id is cached keep
 * flowing, and events that need the registry fail — retriable, naming the URL, listed — and are never
 * dead-lettered.
 */
@StreamLakeIntegrationTest
class RegistryFaultsTest {

    private static final RegistryCredentials CREDENTIALS =
            new RegistryCredentials("fault-tests", "pw-" + UUID.randomUUID(), "token-" + UUID.randomUUID());

    @Test
    @Timeout(60)
    void givenRegistryDownAtStart_thenAvroFailsFastWithOneLineNamingTheUrl(RegistryEndpoint registry) throws Exception {
        AuthenticatingRegistryProxy proxy = AuthenticatingRegistryProxy.start(registry.url(), CREDENTIALS);
        String url = proxy.url();
        proxy.close(); // nothing listens on the proxy's port any more

        SchemaModule schema = SchemaModuleFactory.create(new SchemaConfig(avro(url)), new TopicNaming("down"));
        long began = System.nanoTime();
        Throwable verify = catchThrowable(schema::verifyRegistryReachable);
        Duration verifyTook = Duration.ofNanos(System.nanoTime() - began);
        System.out.printf(
                "registry down at start: verifyRegistryReachable failed in %d ms: %s%n", verifyTook.toMillis(), verify);

        assertThat(verify).isInstanceOf(RetriableStreamLakeException.class);
        assertThat(verify.getMessage()).contains(url).doesNotContain("\n").doesNotContain(CREDENTIALS.password());
        assertThat(verifyTook).isLessThan(Duration.ofSeconds(5));

        // the start-up preflight (with its retries) fails the same way, within seconds
        began = System.nanoTime();
        Throwable prepare = catchThrowable(() -> schema.prepare(FaultPipeline.ORDERS, Optional.empty()));
        Duration prepareTook = Duration.ofNanos(System.nanoTime() - began);
        System.out.printf(
                "registry down at start: prepare(orders) failed in %d ms: %s%n", prepareTook.toMillis(), prepare);
        assertThat(prepare).isInstanceOf(RetriableStreamLakeException.class);
        assertThat(prepare.getMessage()).contains(url).doesNotContain("\n").doesNotContain(CREDENTIALS.password());
        assertThat(prepareTook).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    @Timeout(120)
    void givenRegistryDownMidRun_thenCachedSchemasKeepFlowingAndNewRegistrationsFailListedNotDeadLettered(
            KafkaEndpoint kafka, RegistryEndpoint registry) throws Exception {
        try (AuthenticatingRegistryProxy proxy = AuthenticatingRegistryProxy.start(registry.url(), CREDENTIALS);
                FaultPipeline pipeline = FaultPipeline.start(kafka, avro(proxy.url()), Map.of())) {
            pipeline.schema().verifyRegistryReachable();
            pipeline.provision(FaultPipeline.ORDERS);
            pipeline.provision(FaultPipeline.PAYMENTS);
            PreparedSchema v2 = pipeline.schema()
                    .prepare(FaultPipeline.ORDERS, Optional.empty())
                    .orElseThrow();
            assertThat(v2.entry().version()).isEqualTo(SchemaVersion.of(2));

            List<IngestCommand> before = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                before.add(order("before-" + i));
            }
            BatchSummary first = pipeline.ingestAll(before.iterator(), r -> {});
            assertThat(first.published()).as("%s", first).isEqualTo(100);

            proxy.close();
            assertThat(catchThrowable(pipeline.schema()::verifyRegistryReachable))
                    .as("the registry is unreachable now")
                    .isInstanceOf(RetriableStreamLakeException.class);

            List<IngestCommand> during = new ArrayList<>();
            Set<String> needRegistry = new HashSet<>();
            for (int i = 0; i < 300; i++) {
                during.add(order("cached-" + i));
                if (i % 15 == 0) {
                    during.add(payment("payment-" + i));
                    needRegistry.add("payment-" + i);
                    during.add(order("pinned-v1-" + i).withSchemaVersion(SchemaVersion.of(1)));
                    needRegistry.add("pinned-v1-" + i);
                }
            }
            List<IngestionResult> results = Collections.synchronizedList(new ArrayList<>());
            BatchSummary second = pipeline.ingestAll(during.iterator(), results::add);
            List<IngestionResult.Failed> failed = results.stream()
                    .filter(IngestionResult.Failed.class::isInstance)
                    .map(IngestionResult.Failed.class::cast)
                    .toList();
            List<String> listed = failed.stream()
                    .map(f -> f.ref().key() + " (" + f.ref().ingestionId() + ")")
                    .toList();
            System.out.printf(
                    "registry down mid-run: %s; failed events: %s; first reason: %s%n",
                    second, listed, failed.isEmpty() ? "-" : failed.get(0).reason());

            assertThat(second.total()).isEqualTo(during.size());
            assertThat(second.published()).as("%s", second).isEqualTo(300);
            assertThat(second.deadLettered()).as("%s", second).isZero();
            assertThat(second.failed()).as("%s", second).isEqualTo(needRegistry.size());
            assertThat(failed).extracting(f -> f.ref().key()).containsExactlyInAnyOrderElementsOf(needRegistry);
            assertThat(failed).allSatisfy(f -> {
                assertThat(f.retriable()).as(f.reason()).isTrue();
                assertThat(f.reason()).contains(proxy.url()).doesNotContain(CREDENTIALS.password());
            });
            assertThat(results)
                    .filteredOn(IngestionResult.Published.class::isInstance)
                    .allSatisfy(p -> assertThat(p.ref().key()).startsWith("cached-"));

            assertThat(pipeline.endOffsets(pipeline.raw(FaultPipeline.ORDERS))).isEqualTo(400);
            assertThat(pipeline.endOffsets(pipeline.raw(FaultPipeline.PAYMENTS)))
                    .isZero();
            assertThat(pipeline.endOffsets(pipeline.deadLetter(FaultPipeline.ORDERS)))
                    .isZero();
            assertThat(pipeline.endOffsets(pipeline.deadLetter(FaultPipeline.PAYMENTS)))
                    .isZero();
        }
    }

    private static Map<String, String> avro(String url) {
        Map<String, String> settings = new HashMap<>();
        settings.put(SchemaConfig.SERIALIZATION_CONFIG, "avro");
        settings.put(SchemaConfig.REGISTRY_URL_CONFIG, url);
        settings.put(
                SchemaConfig.REGISTRY_BASIC_AUTH_USER_INFO_CONFIG,
                CREDENTIALS.username() + ":" + CREDENTIALS.password());
        settings.put(SchemaConfig.REGISTRY_RETRIES_CONFIG, "1");
        settings.put(SchemaConfig.REGISTRY_RETRY_BACKOFF_MS_CONFIG, "50");
        settings.put(SchemaConfig.REGISTRY_CONNECT_TIMEOUT_MS_CONFIG, "2000");
        return settings;
    }

    private static IngestCommand order(String id) {
        return IngestCommand.of(
                FaultPipeline.ORDERS, id, ("{\"order_id\":\"" + id + "\",\"amount\":12.5}").getBytes(UTF_8));
    }

    private static IngestCommand payment(String id) {
        return IngestCommand.of(
                FaultPipeline.PAYMENTS,
                id,
                ("{\"payment_id\":\"" + id + "\",\"order_id\":\"o-1\","
                                + "\"amount\":12.5,\"method\":\"CARD\",\"paid_at\":\"2026-11-27T13:05:00Z\","
                                + "\"customer\":{\"customer_id\":\"c-1\"}}")
                        .getBytes(UTF_8));
    }
}
