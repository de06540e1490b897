package io.tvbridge.server.telegram;

import io.tvbridge.core.notify.Notice;
import io.tvbridge.core.notify.Notifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Everything the bot sends, from one thread of its own, so that Telegram being slow or down
 * never holds up the code that has news: {@link #notify} and {@link #reply} only queue.
 *
 * <p>Notices that arrive close together are sent as one message per chat (a burst of fills
 * becomes one list). Messages are paced within Telegram's limits (about one a second per chat,
 * 30 a second in all; groups slower), a 429's {@code retry_after} is waited out before anything
 * else is sent, and a text over 4,096 characters goes as several messages. A message that still
 * fails is logged and dropped: trading goes on whatever happens here.
 */
public final class TelegramOutbox implements Notifier, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TelegramOutbox.class);
    private static final int CAPACITY = 10_000;
    private static final int ATTEMPTS = 5;
    private static final Duration PER_CHAT = Duration.ofMillis(1100);
    private static final Duration PER_GROUP = Duration.ofSeconds(3);
    private static final Duration OVERALL = Duration.ofMillis(34);
    private static final Duration NETWORK_RETRY = Duration.ofSeconds(2);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(3);

    /** An answer, quoting the command it answers (0: none). */
    private record Reply(long chatId, int answers, String text) {
    }

    private final TelegramClient client;
    private final List<Long> chats;
    private final Duration batchWindow;
    private final UnaryOperator<String> redact;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>(CAPACITY);
    private final Map<Long, Long> lastSentNanos = new HashMap<>();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread sender;
    private long lastAnyNanos;
    private long pausedUntilNanos;
    private volatile boolean closing;

    /**
     * @param batchWindow how long after a notice others are awaited to go in the same message
     * @param redact removes secrets (the bot token) from anything logged
     */
    public TelegramOutbox(TelegramClient client, List<Long> chats, Duration batchWindow, UnaryOperator<String> redact) {
        this.client = client;
        this.chats = List.copyOf(chats);
        this.batchWindow = batchWindow;
        this.redact = redact;
        this.sender = new Thread(this::run, "tvbridge-telegram-send");
        sender.setDaemon(true);
        sender.start();
    }

    @Override
    public void notify(Notice notice) {
        offer(notice);
    }

    /** Queues an answer to a command (message {@code answers} of the chat, 0: none), sent ahead of waiting notices. */
    public void reply(long chatId, int answers, String text) {
        offer(new Reply(chatId, answers, text));
    }

    private void offer(Object item) {
        if (closing || !queue.offer(item)) {
            long count = dropped.incrementAndGet();
            if (count == 1 || count % 100 == 0) {
                log.warn("Telegram outbox full or closed: {} message(s) dropped so far", count);
            }
        }
    }

    private void run() {
        try {
            while (!closing || !queue.isEmpty()) {
                Object first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first instanceof Reply reply) {
                    sendAll(reply.chatId(), reply.text(), false, reply.answers());
                } else if (first instanceof Notice notice) {
                    sendNotices(collect(notice));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the loop must go on in a running daemon; this is a bug, said loudly
            log.error("the Telegram sender stopped", e);
        }
    }

    /** The notice and those arriving within the batch window; replies met meanwhile are sent at once. */
    private List<Notice> collect(Notice first) throws InterruptedException {
        List<Notice> batch = new ArrayList<>(List.of(first));
        long deadline = System.nanoTime() + batchWindow.toNanos();
        long left;
        while (!closing && (left = deadline - System.nanoTime()) > 0) {
            Object next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next instanceof Reply reply) {
                sendAll(reply.chatId(), reply.text(), false, reply.answers());
            } else if (next instanceof Notice notice) {
                batch.add(notice);
            }
        }
        List<Object> rest = new ArrayList<>();
        queue.drainTo(rest);
        for (Object item : rest) {
            if (item instanceof Notice notice) {
                batch.add(notice);
            } else {
                Reply reply = (Reply) item;
                sendAll(reply.chatId(), reply.text(), false, reply.answers());
            }
        }
        return batch;
    }

    private void sendNotices(List<Notice> batch) throws InterruptedException {
        boolean silent = batch.stream().allMatch(n -> n.kind().silent());
        String text = batch.size() == 1 ? batch.get(0).text()
                : batch.size() + " notices:\n" + String.join("\n", batch.stream().map(n -> "• " + n.text()).toList());
        for (long chat : chats) {
            sendAll(chat, text, silent, 0);
        }
    }

    private void sendAll(long chatId, String text, boolean silent, int answers) throws InterruptedException {
        for (String part : TextSplitter.split(text, TextSplitter.TELEGRAM_LIMIT)) {
            SendMessage.SendMessageBuilder<?, ?> message = SendMessage.builder().chatId(chatId).text(part)
                    .disableNotification(silent);
            if (answers > 0) {
                message.replyParameters(ReplyParameters.builder().messageId(answers).allowSendingWithoutReply(true)
                        .build());
            }
            send(chatId, message.build());
        }
    }

    private void send(long chatId, SendMessage message) throws InterruptedException {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            pace(chatId);
            try {
                client.execute(message);
                return;
            } catch (TelegramApiRequestException e) {
                Integer retryAfter = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
                if (e.getErrorCode() != null && e.getErrorCode() == 429) {
                    long seconds = retryAfter == null ? 1 : Math.max(1, retryAfter);
                    log.warn("Telegram asks to wait {} s before sending more (429)", seconds);
                    // the whole bot may be throttled, not only this chat: everything waits
                    pausedUntilNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
                } else if (e.getErrorCode() != null && e.getErrorCode() >= 500) {
                    Thread.sleep(NETWORK_RETRY.toMillis() * attempt);
                } else {
                    log.warn("Telegram refused a message to chat {}: {} (not sent again)", chatId,
                            redact.apply(String.valueOf(e.getApiResponse())));
                    return;
                }
            } catch (TelegramApiException e) {
                log.warn("could not reach Telegram to send a message to chat {} (attempt {} of {}): {}", chatId,
                        attempt, ATTEMPTS, redact.apply(String.valueOf(e.getMessage())));
                Thread.sleep(NETWORK_RETRY.toMillis() * attempt);
            }
        }
        log.warn("gave up sending a message to chat {} after {} attempts", chatId, ATTEMPTS);
    }

    /** Waits out a 429 pause, the chat's spacing and the overall spacing. */
    private void pace(long chatId) throws InterruptedException {
        long now = System.nanoTime();
        Long last = lastSentNanos.get(chatId);
        long spacing = (chatId < 0 ? PER_GROUP : PER_CHAT).toNanos();
        long ready = Math.max(pausedUntilNanos, Math.max(last == null ? now : last + spacing,
                lastAnyNanos + OVERALL.toNanos()));
        if (ready > now) {
            TimeUnit.NANOSECONDS.sleep(ready - now);
        }
        long sent = System.nanoTime();
        lastSentNanos.put(chatId, sent);
        lastAnyNanos = sent;
    }

    /** Sends what is queued for a few seconds at most, then stops the sender. */
    @Override
    public void close() {
        closing = true;
        try {
            sender.join(CLOSE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sender.interrupt();
    }
}
