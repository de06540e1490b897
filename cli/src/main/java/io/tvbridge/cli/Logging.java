package io.tvbridge.cli;

import io.tvbridge.core.config.Redactor;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * One log for everything: libraries that log through java.util.logging (Jersey) are sent to SLF4J,
 * and every line on its way out has the configured secrets masked, whoever wrote it (a broker
 * repeating its venue's answer, a library quoting a request).
 */
final class Logging {
    private static final List<Redactor> SECRETS = new CopyOnWriteArrayList<>();
    private static boolean routed;

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
     * Masks {@code redactor}'s secrets in everything written to {@code System.err}, where
     * slf4j-simple writes each log line (it looks the stream up for every line), until the
     * returned handle is closed.
     */
    static synchronized AutoCloseable maskSecrets(Redactor redactor) {
        if (!(System.err instanceof MaskingStream)) {
            System.setErr(new MaskingStream(System.err));
        }
        SECRETS.add(redactor);
        return () -> SECRETS.remove(redactor);
    }

    /**
     * Masks text on its way to the stream it wraps. A subclass of {@link PrintStream} sends
     * {@code println} and stack traces through {@link #print(String)}, so that one method sees every line.
     */
    private static final class MaskingStream extends PrintStream {
        MaskingStream(PrintStream target) {
            super(target, true, StandardCharsets.UTF_8);
        }

        @Override
        public void print(String text) {
            String masked = String.valueOf(text);
            for (Redactor redactor : SECRETS) {
                masked = redactor.redact(masked);
            }
            super.print(masked);
        }

        @Override
        public void print(Object value) {
            print(String.valueOf(value));
        }
    }
}
