package io.streamlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.spi.FilterReply;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command's logging set up in code is the set-up of logback.xml. */
class CliLoggingTest {

    private static final List<String> LOGGERS = List.of(
            "io.streamlake",
            "io.streamlake.kafka",
            "org.apache.kafka",
            "kafka",
            "org.apache.zookeeper",
            "com.google.inject",
            org.slf4j.Logger.ROOT_LOGGER_NAME);

    @TempDir
    Path logDir;

    private final List<LoggerContext> contexts = new ArrayList<>();

    @AfterEach
    void stop() {
        contexts.forEach(LoggerContext::stop);
        System.clearProperty(CliLogging.PROPERTY);
        System.clearProperty(CliLogging.LOG_DIR);
    }

    @Test
    void givenTheCommandsProcess_thenCodeSetUpEqualsLogbackXml() throws Exception {
        System.setProperty(CliLogging.LOG_DIR, logDir.toString());
        LoggerContext fromXml = context();
        JoranConfigurator joran = new JoranConfigurator();
        joran.setContext(fromXml);
        joran.doConfigure(getClass().getResource("/logback.xml"));
        System.setProperty(CliLogging.PROPERTY, "true");
        LoggerContext fromCode = context();
        CliLogging logging = new CliLogging();
        logging.setContext(fromCode);

        assertThat(logging.configure(fromCode)).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

        for (String name : LOGGERS) {
            Logger xml = fromXml.getLogger(name);
            Logger code = fromCode.getLogger(name);
            assertThat(code.getLevel()).as(name).isEqualTo(xml.getLevel());
            assertThat(code.getEffectiveLevel()).as(name).isEqualTo(xml.getEffectiveLevel());
            assertThat(code.isAdditive()).as(name).isEqualTo(xml.isAdditive());
            assertThat(describe(code)).as(name).isEqualTo(describe(xml));
        }
        assertThat(describe(fromCode.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)))
                .containsExactly("FILE " + logDir.resolve("streamlake-cli.log") + " " + CliLogging.FILE_PATTERN
                        + " INFO:NEUTRAL WARN:NEUTRAL");
    }

    @Test
    void givenNotTheCommandsProcess_thenLeftToLogback() {
        LoggerContext context = context();
        CliLogging logging = new CliLogging();
        logging.setContext(context);

        assertThat(logging.configure(context)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                        .iteratorForAppenders()
                        .hasNext())
                .isFalse();
    }

    private LoggerContext context() {
        LoggerContext context = new LoggerContext();
        contexts.add(context);
        return context;
    }

    /** Each appender attached to the logger itself: name, file or target, pattern, and what it lets through. */
    private static List<String> describe(Logger logger) {
        List<String> out = new ArrayList<>();
        logger.iteratorForAppenders().forEachRemaining(a -> out.add(describe(a, logger.getLoggerContext())));
        return out;
    }

    private static String describe(Appender<ILoggingEvent> appender, LoggerContext context) {
        StringBuilder d = new StringBuilder(appender.getName()).append(' ');
        if (appender instanceof FileAppender<ILoggingEvent> file) {
            d.append(file.getFile());
        } else if (appender instanceof ConsoleAppender<ILoggingEvent> console) {
            d.append(console.getTarget());
        }
        if (appender instanceof OutputStreamAppender<ILoggingEvent> stream) {
            d.append(' ').append(((PatternLayoutEncoder) stream.getEncoder()).getPattern());
        }
        for (Level level : List.of(Level.INFO, Level.WARN)) {
            LoggingEvent event = new LoggingEvent("x", context.getLogger("io.streamlake.x"), level, "m", null, null);
            FilterReply reply = appender.getFilterChainDecision(event);
            d.append(' ').append(level).append(':').append(reply);
        }
        return d.toString();
    }
}
