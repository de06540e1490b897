package io.tvbridge.server;

import io.tvbridge.core.concurrent.Timers;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the dashboard shows, kept current for the dashboards that listen: once a second (only
 * while one listens) each {@link Topic} is read again through the admin API's own views, and a
 * topic whose content changed is offered to every listener, which sends it as a Server-Sent Event.
 * Reading the views, rather than hooking every place that changes something, means that no change
 * can be missed, whoever made it (a webhook, the broker, Telegram, the admin API, a scheduled job).
 */
public final class DashboardFeed implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DashboardFeed.class);
    private static final Duration TICK = Duration.ofSeconds(1);

    /**
     * Something the dashboard shows. {@code fingerprint} is read every {@code everyTicks} ticks and
     * is cheap; {@code content}, what is sent, is read only when the fingerprint changed.
     */
    public record Topic(String name, int everyTicks, Supplier<Object> fingerprint, Supplier<Object> content) {
        public Topic {
            Objects.requireNonNull(name, "name");
            if (everyTicks < 1) {
                throw new IllegalArgumentException("everyTicks must be at least 1: " + everyTicks);
            }
        }

        /** A topic whose content is its own fingerprint, read every tick. */
        public static Topic of(String name, Supplier<Object> content) {
            return every(name, 1, content);
        }

        /** A topic whose content is its own fingerprint, read every {@code ticks} ticks. */
        public static Topic every(String name, int ticks, Supplier<Object> content) {
            return new Topic(name, ticks, content, content);
        }
    }

    /** A topic's latest content as JSON, and the fingerprint it was read for. */
    private record Reading(String fingerprint, String json) {
    }

    private final List<Topic> topics;
    private final Map<String, Reading> latest = new ConcurrentHashMap<>();
    private final AtomicInteger listeners = new AtomicInteger();
    private final AtomicBoolean ticking = new AtomicBoolean();
    private final ScheduledExecutorService ticker;
    private final Object changed = new Object();
    private long version;   // guarded by changed
    private boolean closed;   // guarded by changed
    private long ticks;   // the ticker's thread only

    public DashboardFeed(List<Topic> topics) {
        this.topics = List.copyOf(topics);
        this.ticker = Timers.single("dashboard-feed");
    }

    /** Starts listening: the first {@link Listener#next} answers every topic, later ones what changed. */
    public Listener listen() {
        synchronized (changed) {
            if (closed) {
                throw new IllegalStateException("the dashboard feed is closed");
            }
        }
        listeners.incrementAndGet();
        if (ticking.compareAndSet(false, true)) {   // no thread at all in a daemon that no dashboard watches
            ticker.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        }
        ticker.execute(this::tick);   // a new dashboard should not wait a second for its first view
        return new Listener();
    }

    /** One dashboard's stream: remembers what it was sent, so that it is sent only what changed. */
    public final class Listener implements AutoCloseable {
        private final Map<String, String> sent = new LinkedHashMap<>();
        private long seen = -1;
        private boolean open = true;

        private Listener() {
        }

        /**
         * Waits up to {@code patience} for topics this listener has not been sent yet and returns
         * them (name to JSON, in the feed's order); empty when there was nothing new in time, so that
         * the caller can send a keep-alive; {@link Optional#empty()} once the feed is closed.
         */
        public Optional<Map<String, String>> next(Duration patience) throws InterruptedException {
            long deadline = System.nanoTime() + patience.toNanos();
            while (true) {
                synchronized (changed) {
                    while (!closed && version == seen) {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            return Optional.of(Map.of());
                        }
                        TimeUnit.NANOSECONDS.timedWait(changed, left);
                    }
                    if (closed) {
                        return Optional.empty();
                    }
                    seen = version;
                }
                Map<String, String> news = news();
                if (!news.isEmpty()) {
                    return Optional.of(news);
                }
            }
        }

        /** The topics whose latest reading this listener was not sent, in the feed's order. */
        private Map<String, String> news() {
            Map<String, String> news = new LinkedHashMap<>();
            for (Topic topic : topics) {
                Reading reading = latest.get(topic.name());
                if (reading != null && !reading.fingerprint().equals(sent.get(topic.name()))) {
                    sent.put(topic.name(), reading.fingerprint());
                    news.put(topic.name(), reading.json());
                }
            }
            return news;
        }

        @Override
        public void close() {
            if (open) {
                open = false;
                listeners.decrementAndGet();
            }
        }
    }

    /** Reads the topics that are due and tells the listeners if any changed. On the ticker's thread. */
    private void tick() {
        if (listeners.get() == 0) {
            latest.clear();   // nobody looks: a returning dashboard gets fresh readings
            return;
        }
        ticks++;
        boolean anyChanged = false;
        for (Topic topic : topics) {
            Reading before = latest.get(topic.name());
            if (before != null && ticks % topic.everyTicks() != 0) {
                continue;
            }
            Reading now = read(topic, before);
            if (before == null || !now.fingerprint().equals(before.fingerprint())) {
                latest.put(topic.name(), now);
                anyChanged = true;
            }
        }
        if (anyChanged) {
            synchronized (changed) {
                version++;
                changed.notifyAll();
            }
        }
    }

    /** The topic now; a failure (the broker unreachable, say) is shown in its place as an error. */
    private static Reading read(Topic topic, Reading before) {
        try {
            String fingerprint = json(topic.fingerprint().get());
            if (before != null && fingerprint.equals(before.fingerprint())) {
                return before;
            }
            String content = topic.content() == topic.fingerprint() ? fingerprint : json(topic.content().get());
            return new Reading(fingerprint, content);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? "the " + topic.name() + " could not be read" : e.getMessage();
            log.debug("dashboard topic {} could not be read: {}", topic.name(), message);
            String error = json(ErrorBody.of(message));
            return new Reading(error, error);
        }
    }

    private static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the dashboard's JSON: " + e.getOriginalMessage(), e);
        }
    }

    public boolean closed() {
        synchronized (changed) {
            return closed;
        }
    }

    /** Ends every stream (so that the HTTP server can stop without waiting for them) and the ticker. */
    @Override
    public void close() {
        synchronized (changed) {
            closed = true;
            changed.notifyAll();
        }
        ticker.shutdownNow();
    }
}
