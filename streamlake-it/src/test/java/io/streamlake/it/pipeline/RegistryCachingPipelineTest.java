package io.streamlake.it.pipeline;

import static io.streamlake.it.pipeline.PipelineFixture.ORDERS;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.core.domain.HeaderNames;
import io.streamlake.core.port.in.IngestCommand;
import io.streamlake.it.support.StreamLakeIntegrationTest;
import io.streamlake.schema.config.SchemaConfig;
import io.streamlake.test.KafkaEndpoint;
import io.streamlake.test.RegistryEndpoint;
import io.streamlake.test.secure.AuthenticatingRegistryProxy;
import io.streamlake.test.secure.RegistryCredentials;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The Avro codec asks the registry once per dataset version, never per record. The pipeline talks to the real
 * registry through a proxy of its own (with its own credentials, so no other test's requests are counted), which
 * records the {@code Authorization} header of every request: one entry per HTTP call.
 */
@StreamLakeIntegrationTest
class RegistryCachingPipelineTest {

    private static final int EVENTS = 1_000;
    /** Start-up probe, lookup, compatibility check, registration, and a little slack. */
    private static final int MOST_CALLS_FOR_FIRST_EVENT = 5;

    @Test
    void givenRegistryIdCached_thenManyEventsCauseNoFurtherRegistryCalls(KafkaEndpoint kafka, RegistryEndpoint registry)
            throws Exception {
        RegistryCredentials credentials = new RegistryCredentials(
                "pipeline-it", UUID.randomUUID().toString(), UUID.randomUUID().toString());
        try (AuthenticatingRegistryProxy proxy = AuthenticatingRegistryProxy.start(registry.url(), credentials)) {
            Map<String, String> settings = new HashMap<>(PipelineFixture.avro(proxy.url()));
            settings.put(SchemaConfig.REGISTRY_BEARER_TOKEN_CONFIG, credentials.bearerToken());
            try (PipelineFixture pipeline = PipelineFixture.start(kafka, settings)) {
                pipeline.provision(ORDERS);
                int atStart = proxy.receivedAuthorizations().size();
                assertThat(atStart).as("the start-up reachability probe").isEqualTo(1);

                // no explicit preflight: the first event makes the codec register the schema itself
                PipelineFixture.Batch first = pipeline.ingestAll(orders(0, 1));
                assertThat(first.summary().published())
                        .as("%s", first.results())
                        .isEqualTo(1);
                int afterFirst = proxy.receivedAuthorizations().size();
                assertThat(afterFirst)
                        .as("registry calls for the first event")
                        .isBetween(atStart + 1, MOST_CALLS_FOR_FIRST_EVENT);

                PipelineFixture.Batch rest = pipeline.ingestAll(orders(1, EVENTS));
                assertThat(rest.summary().published()).as("%s", rest.summary()).isEqualTo(EVENTS - 1);
                assertThat(proxy.receivedAuthorizations())
                        .as("registry calls after %d events", EVENTS)
                        .hasSize(afterFirst)
                        .containsOnly(credentials.bearerAuthorization());

                List<ConsumerRecord<byte[], byte[]>> records = pipeline.read(pipeline.raw(ORDERS), EVENTS);
                assertThat(records).hasSize(EVENTS);
                int id = PlainReader.schemaId(records.get(0).value());
                assertThat(records).allSatisfy(r -> {
                    assertThat(PlainReader.schemaId(r.value())).isEqualTo(id);
                    assertThat(PlainReader.header(r, HeaderNames.CONTENT_TYPE))
                            .isEqualTo(HeaderNames.CONTENT_TYPE_AVRO);
                });
                ConsumerRecord<byte[], byte[]> last = records.stream()
                        .filter(r -> ("o-" + (EVENTS - 1)).equals(PlainReader.key(r)))
                        .findFirst()
                        .orElseThrow();
                PlainReader.assertSameData(
                        PlainReader.decodeAvro(registry.url(), last.value()),
                        PlainReader.JSON.readTree(payload(EVENTS - 1)));
            }
        }
    }

    private static List<IngestCommand> orders(int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(i ->
                        IngestCommand.keyedBy(ORDERS, "order_id", payload(i).getBytes(UTF_8)))
                .toList();
    }

    private static String payload(int i) {
        return "{\"order_id\": \"o-" + i + "\", \"amount\": " + i + ".25, \"currency\": \"EUR\"}";
    }
}
