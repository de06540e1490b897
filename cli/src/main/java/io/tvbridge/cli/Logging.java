package io.tvbridge.cli;

import org.slf4j.bridge.SLF4JBridgeHandler;

/** One log for everything: libraries that log through java.util.logging (Jersey) are sent to SLF4J. */
final class Logging {
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
}
