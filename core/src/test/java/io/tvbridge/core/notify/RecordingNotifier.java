package io.tvbridge.core.notify;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every notice, in order. */
public final class RecordingNotifier implements Notifier {
    private final List<Notice> notices = new CopyOnWriteArrayList<>();

    @Override
    public void notify(Notice notice) {
        notices.add(notice);
    }

    public List<Notice> notices() {
        return List.copyOf(notices);
    }

    public List<Notice.Kind> kinds() {
        return notices.stream().map(Notice::kind).toList();
    }
}
