package io.streamlake.kafka.provision;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlake.core.domain.FatalStreamLakeException;
import io.streamlake.core.domain.TopicNaming;
import io.streamlake.kafka.publish.KafkaAdapter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterCheckTest {

    @Test
    void givenUnresolvableBootstrapHost_thenCreateFailsFatalNamingIt() {
        assertThatThrownBy(() -> KafkaAdapter.create(
                        Map.of("bootstrap.servers", "no-such-host.invalid:9092", "connect.check.timeout.ms", "1500"),
                        TopicNaming.defaults()))
                .isInstanceOf(FatalStreamLakeException.class)
                .hasMessageContaining("no-such-host.invalid:9092")
                .hasMessageContaining("cannot be contacted");
    }
}
