package io.tvbridge.core.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes every notice to the log: the notifier there always is, whatever else is configured. */
public final class LoggingNotifier implements Notifier {
    private static final Logger log = LoggerFactory.getLogger(LoggingNotifier.class);

    @Override
    public void notify(Notice notice) {
        switch (notice.kind()) {
            case KILL_SWITCH_ON, RECONCILIATION_MISMATCH, BROKER_DISCONNECTED ->
                    log.warn("notice {}: {}", notice.kind(), notice.text());
            case PAUSED, RESUMED, POSITION_ADOPTED, BROKER_CONNECTED ->
                    log.info("notice {}: {}", notice.kind(), notice.text());
        }
    }
}
