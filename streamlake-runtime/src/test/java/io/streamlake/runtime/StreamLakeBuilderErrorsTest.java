package io.streamlake.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlake.runtime.config.InvalidSettingsException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A library's errors name the setting in the caller's terms and are thrown, never logged on the caller's behalf
 * (neither on stderr nor through java.util.logging, where Guice reports what fails inside a module).
 */
class StreamLakeBuilderErrorsTest {

    private final List<LogRecord> julRecords = new ArrayList<>();
    private final Handler julCapture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            julRecords.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        julCapture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(julCapture);
        originalErr = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void release() {
        Logger.getLogger("").removeHandler(julCapture);
        System.setErr(originalErr);
    }

    @Test
    void givenAnUnknownKeyOnTheBuilder_thenTheErrorNamesTheKeyAndTheBuilderNotAFlag() {
        assertThatThrownBy(() -> StreamLake.builder()
                        .set("transport", "stdout")
                        .set("topic.prefx", "x")
                        .build())
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("'topic.prefx'")
                .hasMessageContaining("set on StreamLakeBuilder")
                .hasMessageNotContaining("flag");
        assertNothingLogged();
    }

    @Test
    void givenAnInvalidValueOnTheBuilder_thenTheErrorNamesTheKey() {
        assertThatThrownBy(() -> StreamLake.builder()
                        .set("transport", "stdout")
                        .set("max.in.flight.events", "0")
                        .build())
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("max.in.flight.events");
        assertNothingLogged();
    }

    @Test
    void givenAnUnknownDeliveryGuarantee_thenTheErrorNamesTheKeyAndTheValidValues() {
        assertThatThrownBy(() -> StreamLake.builder()
                        .set("transport", "stdout")
                        .set("delivery.guarantee", "exactly-twice")
                        .build())
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("delivery.guarantee")
                .hasMessageContaining("exactly-twice")
                .hasMessageContaining("at-least-once")
                .hasMessageContaining("exactly-once");
        assertNothingLogged();
    }

    @Test
    void givenATransactionOfNoEvents_thenTheErrorNamesTheKey() {
        assertThatThrownBy(() -> StreamLake.builder()
                        .set("transport", "stdout")
                        .set("transaction.max.events", "0")
                        .build())
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("transaction.max.events");
        assertNothingLogged();
    }

    @Test
    void givenExactlyOnceFilesOnTheStdoutTransport_thenOpenRefusesNamingDeliveryGuaranteeAndTransport() {
        try (StreamLake lake = StreamLake.builder()
                .set("transport", "stdout")
                .set("delivery.guarantee", "exactly-once")
                .build()) {
            assertThatThrownBy(() -> lake.exactlyOnceFiles()
                            .open(io.streamlake.core.domain.DatasetName.of("orders"), java.nio.file.Path.of("x.jsonl")))
                    .isInstanceOf(InvalidSettingsException.class)
                    .hasMessageContaining("delivery.guarantee=exactly-once")
                    .hasMessageContaining("transport='stdout'");
        }
        assertNothingLogged();
    }

    @Test
    void givenAnUnknownTransport_thenTheErrorNamesTheSettingAndTheKnownOnesWithoutLogging() {
        assertThatThrownBy(() ->
                        StreamLake.builder().set("transport", "carrier-pigeon").build())
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("transport='carrier-pigeon'")
                .hasMessageContaining("kafka")
                .hasMessageContaining("stdout");
        assertNothingLogged();
    }

    @Test
    void givenProvisionTopicsOnATransportThatCannotProvision_thenBuildRefusesNamingTheTransport() {
        assertThatThrownBy(() -> StreamLake.builder()
                        .set("transport", "stdout")
                        .provisionTopics("orders")
                        .build())
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("provisionTopics")
                .hasMessageContaining("transport='stdout'");
        assertNothingLogged();
    }

    @Test
    void givenAnInvalidDatasetToProvision_thenTheBuilderRefusesItAtOnce() {
        assertThatThrownBy(() -> StreamLake.builder().provisionTopics("no spaces please"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void assertNothingLogged() {
        assertThat(julRecords).as("java.util.logging records").isEmpty();
        assertThat(stderr.toString(StandardCharsets.UTF_8)).as("stderr").isEmpty();
    }
}
