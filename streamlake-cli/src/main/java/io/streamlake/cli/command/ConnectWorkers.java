package io.streamlake.cli.command;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import io.streamlake.cli.context.CliEnvironment;
import io.streamlake.cli.context.UsageException;
import io.streamlake.embedded.EmbeddedConnectConfig;
import io.streamlake.embedded.EmbeddedConnectWorker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * Starts the Connect worker of {@code dev --connect} and {@code demo --connect}: Kafka's distributed worker in this
 * process, with the StreamLake plugin on its {@code plugin.path}, its log in a file of its own.
 */
final class ConnectWorkers {

    /** The plugin.path the {@code ./streamlake} launcher prepares (the unzipped plugin) and passes on. */
    static final String PLUGIN_PATH_VARIABLE = "STREAMLAKE_CONNECT_PLUGIN_PATH";

    private static final String CONNECT_LOGGER = "org.apache.kafka.connect";

    private ConnectWorkers() {}

    /**
     * The plugin path: {@code option} when given, else {@value #PLUGIN_PATH_VARIABLE}; it must hold a plugin
     * directory (a directory with jars).
     *
     * @throws UsageException when there is none, saying how to make one
     */
    static Path pluginPath(Path option, CliEnvironment environment) {
        Path path;
        if (option != null) {
            path = environment.workingDirectory().resolve(option);
        } else {
            String variable = environment.variables().get(PLUGIN_PATH_VARIABLE);
            if (variable == null || variable.isBlank()) {
                throw new UsageException(
                        "--connect needs the StreamLake Connect plugin: run ./streamlake, which builds "
                                + "and unzips it, or give --plugin-path DIR (a directory holding the unzipped "
                                + "streamlake-connect-<version>-plugin.zip; build it with mvn -B package -pl "
                                + "streamlake-connect -am -DskipTests)");
            }
            path = Path.of(variable);
        }
        path = path.toAbsolutePath().normalize();
        if (!holdsPlugin(path)) {
            throw new UsageException("the plugin path " + path + " holds no Connect plugin (unzip "
                    + "streamlake-connect-<version>-plugin.zip into it)");
        }
        return path;
    }

    private static boolean holdsPlugin(Path path) {
        if (!Files.isDirectory(path)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(path, 3)) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith("streamlake-connect")
                    && p.getFileName().toString().endsWith(".jar"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the plugin path " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Starts a worker of group {@code groupId} on {@code port} (0: a free one), logging to {@code logFile}.
     *
     * @throws io.streamlake.embedded.EmbeddedStartupException when it does not start (the port taken, no answer)
     */
    static EmbeddedConnectWorker start(
            String bootstrapServers, Path pluginPath, int port, String groupId, Path logFile) {
        logTo(logFile);
        return EmbeddedConnectWorker.start(EmbeddedConnectConfig.of(bootstrapServers, pluginPath)
                .withPort(port)
                .withGroupId(groupId));
    }

    /**
     * Sends the worker's own log ({@code org.apache.kafka.connect}, from INFO) to {@code file} only, when Logback is
     * the logging binding (the command's); otherwise leaves logging alone.
     */
    static void logTo(Path file) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of " + file + ": " + e.getMessage(), e);
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("CONNECT");
        appender.setFile(file.toString());
        appender.setEncoder(encoder);
        appender.start();
        Logger logger = context.getLogger(CONNECT_LOGGER);
        logger.detachAppender("CONNECT");
        logger.addAppender(appender);
        logger.setLevel(Level.INFO);
        logger.setAdditive(false);
    }
}
