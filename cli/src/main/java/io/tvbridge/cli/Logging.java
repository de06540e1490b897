package io.tvbridge.cli;

import io.tvbridge.core.config.ConfigException;
import io.tvbridge.core.config.ConfigValues;
import io.tvbridge.core.config.Redactor;
import io.tvbridge.core.lease.InstanceId;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * One log for everything: libraries that log through java.util.logging (Jersey) are sent to SLF4J,
 * whose backend (Logback, set up by {@link LogConfigurator}) writes each line in the format a
 * running daemon chose ({@code LOG_FORMAT}) with its instance id, and masks the configured secrets
 * in every line, whoever wrote it (a broker repeating its venue's answer, a library quoting a
 * request). What is printed to {@code System.err} without the log is masked too.
 */
final class Logging {
    private static final List<Redactor> SECRETS = new CopyOnWriteArrayList<>();
    /** What the running daemons chose, the latest last. */
    private static final List<Output> CHOSEN = new ArrayList<>();
    private static volatile Output current;
    private static boolean routed;

    /** A log format and the instance id its lines carry. */
    private record Output(LogFormat format, String instance) {
    }

    private Logging() {
    }

    static synchronized void routeJavaUtilLogging() {
        if (!routed) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
            routed = true;
        }
    }

    /**
     * Writes the log in {@code format}, each line naming {@code instance}, until the returned handle
     * is closed. Before any daemon chose, the process's environment ({@code LOG_FORMAT},
     * {@code INSTANCE_ID}) decides; a daemon reads its configuration from more places ({@code .env},
     * the data directory). With several daemons in one process (tests), the latest one's choice holds.
     */
    static synchronized AutoCloseable use(LogFormat format, InstanceId instance) {
        Output output = new Output(format, instance.value());
        CHOSEN.add(output);
        current = output;
        return () -> {
            synchronized (Logging.class) {
                CHOSEN.remove(output);
                current = CHOSEN.isEmpty() ? null : CHOSEN.get(CHOSEN.size() - 1);
            }
        };
    }

    /** The format of the next log line. */
    static LogFormat format() {
        Output output = current;
        return output != null ? output.format() : Environment.FORMAT;
    }

    /** The instance id the next log line names. */
    static String instance() {
        Output output = current;
        return output != null ? output.instance() : Environment.Instance.ID;
    }

    /**
     * Masks {@code redactor}'s secrets in every log line and in everything else written to
     * {@code System.err}, until the returned handle is closed.
     */
    static synchronized AutoCloseable maskSecrets(Redactor redactor) {
        if (!(System.err instanceof MaskingStream)) {
            System.setErr(new MaskingStream(System.err));
        }
        SECRETS.add(redactor);
        return () -> SECRETS.remove(redactor);
    }

    /** {@code text} with every registered secret masked. */
    static String mask(String text) {
        String masked = String.valueOf(text);
        for (Redactor redactor : SECRETS) {
            masked = redactor.redact(masked);
        }
        return masked;
    }

    /**
     * The choice before a daemon made one: the process's environment, read when first needed (the
     * instance id only for JSON lines, as the host name it defaults to may take a lookup).
     */
    private static final class Environment {
        // a wrong LOG_FORMAT stops the daemon's start with a message; until then the log stays readable
        static final LogFormat FORMAT = LogFormat.lenient(System.getenv(LogFormat.LOG_FORMAT)).orElse(LogFormat.TEXT);

        private static final class Instance {
            static final String ID = read();

            private static String read() {
                ConfigValues environment = ConfigValues.layered(System.getenv());
                try {
                    return InstanceId.from(environment).value();
                } catch (ConfigException e) {
                    return environment.text(InstanceId.INSTANCE_ID).orElse("tvbridge");
                }
            }
        }
    }

    /**
     * Masks text printed to {@code System.err} outside the log (the log's lines are masked when
     * they are formatted, and written as bytes). A subclass of {@link PrintStream} sends
     * {@code println} and stack traces through {@link #print(String)}, so that one method sees every line.
     */
    private static final class MaskingStream extends PrintStream {
        MaskingStream(PrintStream target) {
            super(target, true, StandardCharsets.UTF_8);
        }

        @Override
        public void print(String text) {
            super.print(mask(text));
        }

        @Override
        public void print(Object value) {
            print(String.valueOf(value));
        }
    }
}
