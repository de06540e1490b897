package io.tvbridge.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;
import org.slf4j.Logger;

/**
 * tvbridge's log, set up in code when Logback starts (found through
 * {@code META-INF/services/ch.qos.logback.classic.spi.Configurator}): every line to
 * {@code System.err} through {@link LogEncoder}, whose format {@link Logging} decides
 * ({@code LOG_FORMAT}). Info and above; the libraries' chatter at warnings and above.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogConfigurator extends ContextAwareBase implements Configurator {
    /** Loggers with a level of their own: the libraries log their routine at info. */
    static final Map<String, Level> LEVELS = Map.of(
            "org.eclipse.jetty", Level.WARN,
            "org.glassfish", Level.WARN,
            "org.flywaydb", Level.WARN,
            "org.apache.ibatis", Level.WARN,
            "org.h2", Level.WARN,
            // Jersey warns of every resource registered as an instance, as tvbridge wires them (jersey#3700)
            "org.glassfish.jersey.internal.inject.Providers", Level.ERROR);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        LogEncoder encoder = new LogEncoder();
        encoder.setContext(context);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("console");
        // the appender looks System.err up for every line: what tests and the secret masking put there is used
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
