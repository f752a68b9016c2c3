package io.streamlake.bench;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlake.core.domain.ParseOutcome;
import io.streamlake.core.domain.TopicNaming;
import io.streamlake.core.domain.ValidationOutcome;
import io.streamlake.schema.SchemaModule;
import io.streamlake.schema.SchemaModuleFactory;
import io.streamlake.schema.config.SchemaConfig;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkloadTest {

    private final SchemaModule schema = SchemaModuleFactory.create(
            new SchemaConfig(Map.of(SchemaConfig.SERIALIZATION_CONFIG, "json")), TopicNaming.defaults());

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {45, 79, 80, 200})
    void givenPayloadSize_thenEveryPayloadHasExactlyThatSizeAndIsAValidOrdersEvent(int size) {
        Workload workload = new Workload(2_000, size);
        for (int n = 0; n < 2_000; n++) {
            assertThat(workload.payload(n)).hasSize(size);
            assertThat(new String(workload.payload(n), UTF_8).contains("currency"))
                    .isEqualTo(size >= Workload.MIN_BYTES_WITH_CURRENCY);
            ParseOutcome parsed = schema.parser().parse(workload.payload(n));
            assertThat(parsed).isInstanceOf(ParseOutcome.Parsed.class);
            var payload = ((ParseOutcome.Parsed) parsed).payload();
            assertThat(schema.validator().validate(Workload.DATASET, Optional.empty(), payload))
                    .isEqualTo(new ValidationOutcome.Valid(
                            io.streamlake.core.domain.SchemaVersion.parse(Workload.SCHEMA_VERSION)));
            assertThat(payload.textField(Workload.KEY_FIELD).orElseThrow().getBytes(UTF_8))
                    .isEqualTo(workload.key(n));
        }
    }

    @Test
    void givenRawHeaders_thenTheyAreStreamLakesHeaderSetInItsOrder() {
        Workload workload = new Workload(3, 200);
        assertThat(Arrays.stream(workload.headers(1)).map(h -> h.key())).containsExactly(StreamLakeHeaders.IN_ORDER);
        assertThat(workload.headers(1)[2].value()).isNotEqualTo(workload.headers(2)[2].value());
    }

    @Test
    void givenTooSmallPayload_thenRefused() {
        assertThatThrownBy(() -> new Workload(1, 44)).isInstanceOf(IllegalArgumentException.class);
    }
}
