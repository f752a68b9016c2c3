package io.streamlake.it.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlake.core.domain.RetriableStreamLakeException;
import io.streamlake.kafka.publish.KafkaAdapter;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An unreachable cluster fails at start, within connect.check.timeout.ms, naming the bootstrap servers. */
class KafkaConnectivityTest {

    private static final int CHECK_TIMEOUT_MS = 2_000;
    /** Bounds the fail-fast guarantee (client start-up and shutdown), not a performance assertion. */
    private static final long MARGIN_MS = 3_000;

    private static int freePortWithNothingListening() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void givenNothingListening_thenCreateFailsWithinCheckTimeoutNamingBootstrapServers() throws Exception {
        String bootstrap = "localhost:" + freePortWithNothingListening();
        long start = System.nanoTime();

        assertThatThrownBy(() -> KafkaAdapter.create(
                        Map.of(
                                "bootstrap.servers",
                                bootstrap,
                                "connect.check.timeout.ms",
                                String.valueOf(CHECK_TIMEOUT_MS)),
                        AdapterFixture.NAMING))
                .isInstanceOf(RetriableStreamLakeException.class)
                .hasMessage("Kafka cluster at " + bootstrap + " not reachable within " + CHECK_TIMEOUT_MS
                        + " ms (connect.check.timeout.ms)");

        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(elapsedMs).isLessThan(CHECK_TIMEOUT_MS + MARGIN_MS);
    }
}
