package io.streamlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandTest {

    @TempDir
    Path dir;

    @Test
    void givenDefaultFileEnvAndFlag_thenEachValueShowsWhereItCameFrom() throws IOException {
        Files.writeString(
                dir.resolve("streamlake.properties"),
                "topic.prefix=fromfile\nlinger.ms=7\nproducer.service=file-service\nacks=all\n");
        CliRunner.Result result = new CliRunner(dir)
                .env("STREAMLAKE_LINGER_MS", "8")
                .env("STREAMLAKE_PRODUCER_SERVICE", "env-service")
                .env("KAFKA_BOOTSTRAP_SERVERS", "env-host:9092")
                .run("config", "--set", "producer.service=flag-service");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out())
                .containsPattern("key\\.required\\s+= true\\s+\\(default\\)")
                .containsPattern("topic\\.prefix\\s+= fromfile\\s+\\(file\\)")
                .containsPattern("linger\\.ms\\s+= 8\\s+\\(env\\)")
                .containsPattern("bootstrap\\.servers\\s+= env-host:9092\\s+\\(env\\)")
                .containsPattern("producer\\.service\\s+= flag-service\\s+\\(flag\\)");
    }

    @Test
    void givenNamedFlagAndEnvironment_thenTheFlagWins() {
        CliRunner.Result result = new CliRunner(dir)
                .env("KAFKA_BOOTSTRAP_SERVERS", "env-host:9092")
                .env("STREAMLAKE_SERIALIZATION", "avro")
                .run("config", "--bootstrap-servers", "flag-host:9092", "--output", "json");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("\"bootstrap.servers\":{\"value\":\"flag-host:9092\",\"origin\":\"flag\"")
                .contains("\"serialization\":{\"value\":\"avro\",\"origin\":\"env\"");
    }

    @Test
    void givenAnExplicitConfigFile_thenItIsReadInsteadOfTheDefaultOne() throws IOException {
        Files.writeString(dir.resolve("streamlake.properties"), "topic.prefix=default-file\n");
        Files.writeString(dir.resolve("other.properties"), "topic.prefix=other-file\n");

        CliRunner.Result result = new CliRunner(dir).run("config", "--config", "other.properties");

        assertThat(result.out()).containsPattern("topic\\.prefix\\s+= other-file\\s+\\(file\\)");
    }

    @Test
    void givenSecrets_thenTheyAreNeverPrinted() {
        CliRunner.Result result = new CliRunner(dir)
                .env("STREAMLAKE_KAFKA_SASL_JAAS_CONFIG", "org.example.Login required password=\"env-secret-1\";")
                .run(
                        "config",
                        "--set",
                        "schema.registry.basic.auth.user.info=alice:s3cr3t-pw",
                        "--set",
                        "kafka.ssl.keystore.password=keystore-secret",
                        "--set",
                        "kafka.client.rack=rack-1");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out() + result.err())
                .doesNotContain("s3cr3t-pw")
                .doesNotContain("keystore-secret")
                .doesNotContain("env-secret-1");
        assertThat(result.out())
                .containsPattern("schema\\.registry\\.basic\\.auth\\.user\\.info\\s+= \\[hidden\\]\\s+\\(flag\\)")
                .containsPattern("kafka\\.ssl\\.keystore\\.password\\s+= \\[hidden\\]")
                .containsPattern("kafka\\.sasl\\.jaas\\.config\\s+= \\[hidden\\]\\s+\\(env\\)")
                .containsPattern("kafka\\.client\\.rack\\s+= rack-1\\s+\\(flag\\)");
    }

    @Test
    void givenAnUnknownKey_thenExitTwoNamingIt() {
        CliRunner.Result result = new CliRunner(dir).run("config", "--set", "lingerr.ms=5");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err())
                .contains("lingerr.ms")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(result.err().strip().lines()).hasSize(1);
    }

    @Test
    void givenVerbose_thenTheErrorComesWithItsStackTrace() {
        CliRunner.Result result = new CliRunner(dir).run("config", "--set", "lingerr.ms=5", "--verbose");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err())
                .startsWith("error: ")
                .contains("InvalidSettingsException")
                .contains("\tat ");
    }

    @Test
    void givenAnUnknownKeyInTheFile_thenExitTwoNamingKeyAndFile() throws IOException {
        Files.writeString(dir.resolve("streamlake.properties"), "topic.prefx=x\n");

        CliRunner.Result result = new CliRunner(dir).run("config");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("topic.prefx").contains("streamlake.properties");
    }

    @Test
    void givenAnInvalidValue_thenExitTwoNamingTheKey() {
        CliRunner.Result result = new CliRunner(dir).run("config", "--serialization", "xml");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("serialization").contains("xml");
        assertThat(result.err().strip().lines()).hasSize(1);
    }

    @Test
    void givenAnInvalidEnvironmentValue_thenExitTwoNamingTheKey() {
        CliRunner.Result result =
                new CliRunner(dir).env("STREAMLAKE_LINGER_MS", "soon").run("config");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("linger.ms");
    }

    @Test
    void givenAnUnknownTransport_thenExitTwoNamingTheKnownOnes() {
        CliRunner.Result result = new CliRunner(dir).run("config", "--transport", "carrier-pigeon");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err())
                .contains("transport")
                .contains("carrier-pigeon")
                .contains("kafka")
                .contains("stdout");
    }

    @Test
    void givenAMissingExplicitConfigFile_thenExitTwoNamingIt() {
        CliRunner.Result result = new CliRunner(dir).run("config", "--config", "nope.properties");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("nope.properties");
    }
}
