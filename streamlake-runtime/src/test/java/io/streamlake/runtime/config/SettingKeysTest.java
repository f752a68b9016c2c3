package io.streamlake.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlake.core.settings.CoreSettings;
import io.streamlake.runtime.Transports;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The core's declarations are validated and documented by the runtime like any other key. */
class SettingKeysTest {

    private static Settings load(Map<String, String> values) {
        return new SettingsLoader(Transports.discover().configSections())
                .explicit(values, "set in the test")
                .load();
    }

    @Test
    void givenNoCoreSettings_thenTheCoreDeclaredDefaultsApply() {
        var ingestion = load(Map.of()).core().ingestionSettings();

        assertThat(ingestion.topics().prefix()).isEqualTo("streamlake");
        assertThat(ingestion.keyRequired()).isTrue();
        assertThat(ingestion.maxInFlight()).isEqualTo(10_000);
        assertThat(ingestion.prepareThreads()).isZero();
        assertThat(ingestion.deadLetterPayloadLimit()).isEqualTo(262_144);
    }

    @Test
    void givenTheDeadLetterPayloadLimit_thenTheCoreOwnsItForEveryTransport() {
        assertThat(load(Map.of(CoreSettings.DLQ_PAYLOAD_MAX_BYTES_CONFIG, "1024"))
                        .core()
                        .ingestionSettings()
                        .deadLetterPayloadLimit())
                .isEqualTo(1024);
        assertThat(ConfigSections.kafka().definition().names())
                .doesNotContain(CoreSettings.DLQ_PAYLOAD_MAX_BYTES_CONFIG);
    }

    @Test
    void givenAValueTheCoreRejects_thenTheErrorNamesTheKeyAndTheCoreReason() {
        assertThatThrownBy(() -> load(Map.of(CoreSettings.TOPIC_PREFIX_CONFIG, "bad prefix!")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("topic.prefix");
    }

    @Test
    void givenAnIntegerOutOfItsDeclaredRange_thenTheErrorNamesTheKey() {
        assertThatThrownBy(() -> load(Map.of(CoreSettings.PREPARE_THREADS_CONFIG, "65")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("prepare.threads");
    }

    @Test
    void givenTheReference_thenEveryCoreDeclarationIsListedWithItsDoc() {
        String reference = ConfigReference.markdown();

        CoreSettings.KEYS.forEach(key -> assertThat(reference)
                .contains("`" + key.name() + "`")
                .contains(key.doc().substring(0, 30)));
    }
}
