package io.streamlake.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import java.io.File;

/**
 * The {@code streamlake} command's logging, set up in code: the same set-up as {@code logback.xml} (everything from
 * INFO to {@code $STREAMLAKE_LOG_DIR/streamlake-cli.log}, else the temp directory; StreamLake's own warnings on
 * stderr; Kafka at WARN), without Logback parsing XML, which costs the command about a fifth of a second of start-up.
 * Registered as Logback's {@link Configurator} service, it acts only in the command's process ({@link Main} sets
 * {@link #PROPERTY}) and only when no {@code logback.configurationFile} is given; otherwise it leaves the set-up to
 * Logback ({@code logback.xml}, or the given file). {@code CliLoggingTest} keeps it equal to {@code logback.xml}.
 */
public final class CliLogging extends ContextAwareBase implements Configurator {

    /** Set (to {@code true}) by {@link Main}: this process is the {@code streamlake} command. */
    static final String PROPERTY = "streamlake.cli.logging";

    static final String LOG_DIR = "STREAMLAKE_LOG_DIR";
    static final String FILE_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";
    static final String STDERR_PATTERN = "warning: %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (!Boolean.getBoolean(PROPERTY) || System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        NopStatusListener quiet = new NopStatusListener();
        context.getStatusManager().add(quiet);
        FileAppender<ILoggingEvent> file = new FileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(logDirectory() + File.separator + "streamlake-cli.log");
        file.setEncoder(encoder(context, FILE_PATTERN));
        file.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        ThresholdFilter warnings = new ThresholdFilter();
        warnings.setLevel("WARN");
        warnings.start();
        stderr.addFilter(warnings);
        stderr.setEncoder(encoder(context, STDERR_PATTERN));
        stderr.start();
        ch.qos.logback.classic.Logger streamlake = context.getLogger("io.streamlake");
        streamlake.setLevel(Level.INFO);
        streamlake.addAppender(stderr);
        context.getLogger("org.apache.kafka").setLevel(Level.WARN);
        context.getLogger("kafka").setLevel(Level.WARN);
        context.getLogger("org.apache.zookeeper").setLevel(Level.WARN);
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(file);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** {@code STREAMLAKE_LOG_DIR} as a system property, else as an environment variable, else the temp directory. */
    static String logDirectory() {
        String dir = System.getProperty(LOG_DIR);
        if (dir == null) {
            dir = System.getenv(LOG_DIR);
        }
        return dir != null ? dir : System.getProperty("java.io.tmpdir");
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }
}
