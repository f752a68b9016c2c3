package io.streamlake.it.security;

import io.streamlake.cli.StreamLakeCli;
import io.streamlake.cli.context.CliEnvironment;
import io.streamlake.it.support.SecureKafkaEndpoint;
import io.streamlake.runtime.ConsoleStreams;
import io.streamlake.runtime.Transports;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Runs the streamlake command in-process with captured output, and writes the properties files it reads. */
final class SecureCli {

    record Result(int code, String out, String err, long millis) {
        String all() {
            return out + "\n" + err;
        }
    }

    private final Path workDir;

    SecureCli(Path workDir) {
        this.workDir = workDir;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ConsoleStreams console = new ConsoleStreams(new PrintWriter(out, true), new PrintWriter(err, true), false);
        long started = System.nanoTime();
        int code = StreamLakeCli.execute(console, new CliEnvironment(Map.of(), workDir), Transports.discover(), args);
        return new Result(code, out.toString(), err.toString(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Writes {@code settings} as a properties file named {@code name} in the working directory. */
    Path properties(String name, Map<String, String> settings) {
        Path file = workDir.resolve(name);
        String text = settings.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().replace("\\", "\\\\"))
                .collect(Collectors.joining("\n", "", "\n"));
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The SASL_SSL settings of a StreamLake config file for {@code user}/{@code password}. */
    static Map<String, String> saslSsl(SecureKafkaEndpoint secure, String user, String password) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("bootstrap.servers", secure.bootstrapServers());
        settings.put("kafka.security.protocol", "SASL_SSL");
        settings.put("kafka.sasl.mechanism", "SCRAM-SHA-512");
        settings.put(
                "kafka.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required" + " username=\"" + user
                        + "\" password=\"" + password + "\";");
        settings.put(
                "kafka.ssl.truststore.location", secure.trustStoreLocation().toString());
        settings.put("kafka.ssl.truststore.password", secure.trustStorePassword());
        settings.put("kafka.ssl.truststore.type", secure.trustStoreType());
        return settings;
    }
}
