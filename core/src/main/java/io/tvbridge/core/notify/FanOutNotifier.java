package io.tvbridge.core.notify;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands every notice to each of several notifiers; one that fails does not keep it from the others. */
public final class FanOutNotifier implements Notifier {
    private static final Logger log = LoggerFactory.getLogger(FanOutNotifier.class);

    private final List<Notifier> notifiers;

    public FanOutNotifier(List<Notifier> notifiers) {
        this.notifiers = List.copyOf(notifiers);
    }

    @Override
    public void notify(Notice notice) {
        for (Notifier notifier : notifiers) {
            try {
                notifier.notify(notice);
            } catch (RuntimeException e) {
                // a notifier must not throw; if one does, the work that sent the notice goes on regardless
                log.error("notifier {} failed on a {} notice", notifier.getClass().getSimpleName(), notice.kind(), e);
            }
        }
    }
}
