package io.streamlake.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class BenchMainTest {

    @Test
    void givenFlags_thenOptionsCarryThem() {
        BenchOptions o = BenchMain.parse(new String[] {
            "--events",
            "200_000",
            "--pairs",
            "7",
            "--scenarios",
            "raw,json",
            "--payload-bytes",
            "300",
            "--bootstrap-servers",
            "h:9092",
            "--schema-registry-url",
            "http://r:8081"
        });
        assertThat(o.events()).isEqualTo(200_000);
        assertThat(o.pairs()).isEqualTo(7);
        assertThat(o.scenarios()).isEqualTo(EnumSet.of(Scenario.RAW, Scenario.JSON));
        assertThat(o.payloadBytes()).isEqualTo(300);
        assertThat(o.bootstrapServers()).contains("h:9092");
        assertThat(o.schemaRegistryUrl()).contains("http://r:8081");
        assertThat(o.warmupEvents()).isEqualTo(40_000);
    }

    @Test
    void givenPrepareThreads_thenOptionsCarryThemAndNegativeIsRefused() {
        assertThat(BenchMain.parse(new String[] {"--prepare-threads", "3"}).prepareThreads())
                .isEqualTo(3);
        assertThat(BenchMain.parse(new String[0]).prepareThreads())
                .isEqualTo(io.streamlake.core.domain.IngestionSettings.DEFAULT_PREPARE_THREADS);
        assertThatThrownBy(() -> BenchMain.parse(new String[] {"--prepare-threads", "-1"}))
                .hasMessageContaining("prepare threads");
    }

    @Test
    void givenConsoleBareFlag_thenOptionsAskForTheBareRowAndTheNextFlagStillParses() {
        assertThat(BenchMain.parse(new String[] {}).consoleBare()).isFalse();
        BenchOptions o = BenchMain.parse(new String[] {"--console-bare", "--events", "10"});
        assertThat(o.consoleBare()).isTrue();
        assertThat(o.events()).isEqualTo(10);
        assertThat(o.cliCds()).isFalse();
        assertThat(BenchMain.parse(new String[] {"--cli-cds"}).cliCds()).isTrue();
    }

    @Test
    void givenNoFlags_thenEachCliFileProcessGetsItsLaunchersJvmFlagsAfterTheSharedHeap() {
        BenchOptions o = BenchMain.parse(new String[] {});
        assertThat(o.launcherFlags()).isTrue();
        // as ./streamlake produce --file: the quick compiler only below 16 MiB, a later optimizing compiler from there
        assertThat(o.streamlakeJvmArgs(16L * 1024 * 1024 - 1))
                .containsExactly("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
        assertThat(o.streamlakeJvmArgs(16L * 1024 * 1024))
                .containsExactly(
                        "-Xmx512m",
                        "-XX:+UseSerialGC",
                        "-XX:Tier4InvocationThreshold=20000",
                        "-XX:Tier4CompileThreshold=30000",
                        "-XX:InlineSmallCode=1000");
        assertThat(o.consoleJvmArgs())
                .startsWith("-Xmx512m")
                .contains("-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20")
                .doesNotContain("-XX:+UseSerialGC");
    }

    @Test
    void givenNoLauncherFlags_thenBothCliFileProcessesGetOnlyTheSharedJvmArgs() {
        BenchOptions o =
                BenchMain.parse(new String[] {"--no-launcher-flags", "--process-jvm-args", "-Xmx1g -XX:+UseSerialGC"});
        assertThat(o.streamlakeJvmArgs(1)).containsExactly("-Xmx1g", "-XX:+UseSerialGC");
        assertThat(o.streamlakeJvmArgs(1L << 30)).containsExactly("-Xmx1g", "-XX:+UseSerialGC");
        assertThat(o.consoleJvmArgs()).containsExactly("-Xmx1g", "-XX:+UseSerialGC");
    }

    @Test
    void givenKcatAndBrokerPid_thenOptionsCarryThem() {
        BenchOptions o = BenchMain.parse(
                new String[] {"--kcat", "/opt/kcat", "--bootstrap-servers", "h:9092", "--broker-pid", "4242"});
        assertThat(o.kcat()).isEqualTo("/opt/kcat");
        assertThat(o.brokerPid()).hasValue(4242);
        assertThat(BenchMain.parse(new String[0]).kcat()).isEqualTo("kcat");
        assertThat(BenchMain.parse(new String[0]).brokerPid()).isEmpty();
    }

    @Test
    void givenBrokerPidWithoutBootstrapServers_thenUsageErrorSaysItNeedsThem() {
        assertThatThrownBy(() -> BenchMain.parse(new String[] {"--broker-pid", "4242"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--broker-pid")
                .hasMessageContaining("--bootstrap-servers");
        assertThatThrownBy(() -> BenchMain.parse(new String[] {"--bootstrap-servers", "h:1", "--broker-pid", "0"}))
                .hasMessageContaining("broker pid");
    }

    @Test
    void givenEveryScenarioName_thenEachIsParsedInAnyCase() {
        BenchOptions o = BenchMain.parse(new String[] {
            "--scenarios", "raw, JSON,avro,flush-per-event,cli-file,Cli-File-Exactly-Once,CLI-FILE-AVRO,connect-file"
        });
        assertThat(o.scenarios()).isEqualTo(EnumSet.allOf(Scenario.class));
    }

    @Test
    void givenScenarioLetter_thenUsageErrorNamesItAndTheValidNames() {
        assertThatThrownBy(() -> BenchMain.parse(new String[] {"--scenarios", "A,B"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'A'")
                .hasMessageContaining(
                        "raw,json,avro,flush-per-event,cli-file,cli-file-exactly-once,cli-file-avro,connect-file");
    }

    @Test
    void givenUnknownScenarioOrFlag_thenUsageErrorNamesIt() {
        assertThatThrownBy(() -> BenchMain.parse(new String[] {"--scenarios", "raw,X"}))
                .hasMessageContaining("'X'");
        assertThatThrownBy(() -> BenchMain.parse(new String[] {"--speed", "1"})).hasMessageContaining("--speed");
        assertThatThrownBy(() -> BenchMain.parse(new String[] {"--events", "many"}))
                .hasMessageContaining("--events");
    }
}
