package io.tvbridge.core.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes every notice to the log: the notifier there always is, whatever else is configured. */
public final class LoggingNotifier implements Notifier {
    private static final Logger log = LoggerFactory.getLogger(LoggingNotifier.class);

    @Override
    public void notify(Notice notice) {
        if (notice.kind().warning()) {
            log.warn("notice {}: {}", notice.kind(), notice.text());
        } else {
            log.info("notice {}: {}", notice.kind(), notice.text());
        }
    }
}
