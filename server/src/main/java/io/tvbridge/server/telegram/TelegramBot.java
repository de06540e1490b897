package io.tvbridge.server.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tvbridge.core.account.AccountName;
import io.tvbridge.core.concurrent.DaemonThreads;
import io.tvbridge.core.config.TelegramConfig;
import io.tvbridge.core.store.AuditEntry;
import io.tvbridge.core.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The Telegram bot: long polling for commands from the authorized chats, and the
 * {@link TelegramOutbox} for everything sent. Each command runs on a thread of the bot's own
 * (never the polling thread, which stops for good when a handler throws), is audited with the
 * Telegram user as actor, and is answered; a message from any other chat is audited and gets no
 * answer. Every thread here is a daemon thread, and {@link #close()} stops them all.
 */
public final class TelegramBot implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);
    private static final Duration BATCH_WINDOW = Duration.ofSeconds(1);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    private static final Duration LAST_RETRY = Duration.ofMinutes(5);
    private static final int AUDITED_TEXT = 200;

    private final TelegramConfig config;
    private final Set<Long> allowed;
    private final Store store;
    private final Clock clock;
    private final UnaryOperator<String> redact;
    private final ExecutorService httpThreads = Executors.newCachedThreadPool(daemon("tvbridge-telegram-http"));
    private final OkHttpClient sendHttp;
    private final OkHttpClient pollHttp;
    private final TelegramUrl url;
    private final OkHttpTelegramClient client;
    private final TelegramOutbox outbox;
    private final ExecutorService commandThread = Executors.newSingleThreadExecutor(daemon("tvbridge-telegram-commands"));
    private final ScheduledExecutorService startThread =
            Executors.newSingleThreadScheduledExecutor(daemon("tvbridge-telegram-start"));
    private final List<ScheduledExecutorService> pollThreads = new ArrayList<>();
    private TelegramCommands commands;
    private TelegramBotsLongPollingApplication polling;
    private volatile boolean closed;

    private TelegramBot(TelegramConfig config, Store store, Clock clock) {
        this.config = config;
        this.allowed = Set.copyOf(config.chatIds());
        this.store = store;
        this.clock = clock;
        String token = config.token();
        this.redact = text -> text == null ? "" : text.replace(token, "***");
        Dispatcher dispatcher = new Dispatcher(httpThreads);
        this.sendHttp = new OkHttpClient.Builder().dispatcher(dispatcher).connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(20)).writeTimeout(Duration.ofSeconds(20)).build();
        // the long poll waits up to 50 s for news, so its read timeout must be longer
        this.pollHttp = sendHttp.newBuilder().readTimeout(Duration.ofSeconds(75)).build();
        this.url = new TelegramUrl(config.apiUrl().getScheme(), config.apiUrl().getHost(), config.apiPort(), false);
        this.client = new OkHttpTelegramClient(sendHttp, token, url);
        this.outbox = new TelegramOutbox(client, config.chatIds(), BATCH_WINDOW, redact);
    }

    /** The bot's sending side, ready for notices before the rest of the daemon starts; commands come later. */
    public static TelegramBot create(TelegramConfig config, Store store, Clock clock) {
        return new TelegramBot(config, store, clock);
    }

    public TelegramOutbox outbox() {
        return outbox;
    }

    /**
     * Registers the command list and starts polling, on a thread of its own: when Telegram cannot
     * be reached it tries again later, and the daemon trades meanwhile. The commands steer
     * {@code accounts}, in their order; {@code several} when the daemon was given {@code ACCOUNTS},
     * so that commands take an account ({@code /kill @live}).
     */
    public void startCommands(Map<AccountName, TelegramCommandServices> accounts, boolean several) {
        this.commands = new TelegramCommands(new TelegramAccounts(accounts, several), clock);
        startThread.execute(() -> connect(FIRST_RETRY));
    }

    private void connect(Duration nextRetry) {
        if (closed) {
            return;
        }
        try {
            client.execute(SetMyCommands.builder().commands(Arrays.stream(BotCommand.values())
                    .map(c -> new org.telegram.telegrambots.meta.api.objects.commands.BotCommand(c.command(),
                            c.description())).toList()).build());
            startPolling();
            log.info("Telegram bot polling for commands from chat(s) {}", config.chatIds());
        } catch (TelegramApiException | RuntimeException e) {
            log.warn("Telegram bot not started ({}); trying again in {} s", redact.apply(e.getMessage()),
                    nextRetry.toSeconds());
            stopPolling();
            Duration after = nextRetry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : nextRetry.multipliedBy(2);
            startThread.schedule(() -> connect(after), nextRetry.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void startPolling() throws TelegramApiException {
        ObjectMapper json = new ObjectMapper();
        polling = new TelegramBotsLongPollingApplication(() -> json, () -> pollHttp, () -> {
            ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(daemon("tvbridge-telegram-poll"));
            pollThreads.add(thread);
            return thread;
        });
        polling.registerBot(config.token(), () -> url, new DefaultGetUpdatesGenerator(List.of("message")),
                this::received);
    }

    /**
     * Called on the polling thread: hands each message to the command thread and returns. It must
     * not throw, or the library's polling stops for good without a word.
     */
    private void received(List<Update> updates) {
        for (Update update : updates) {
            try {
                if (update.hasMessage()) {
                    Message message = update.getMessage();
                    commandThread.execute(() -> handle(message));
                }
            } catch (RuntimeException e) {
                log.error("Telegram update {} could not be handled", update.getUpdateId(), e);
            }
        }
    }

    private void handle(Message message) {
        try {
            long chatId = message.getChatId();
            String actor = actor(message.getFrom(), chatId);
            String text = message.getText();
            if (!allowed.contains(chatId)) {
                audit(actor, "telegram.refused", "message from chat " + chatId + ", which is not in TELEGRAM_CHAT_ID: "
                        + cut(text));
                log.warn("Telegram message from chat {} ({}) ignored: the chat is not authorized", chatId, actor);
                return;
            }
            if (text == null) {
                return;   // a sticker, a photo: nothing to do
            }
            audit(actor, "telegram.command", cut(text));
            try {
                outbox.reply(chatId, message.getMessageId(), commands.handle(chatId, actor, text));
            } catch (RuntimeException e) {
                outbox.reply(chatId, message.getMessageId(), "Failed: " + e.getMessage());
                throw e;
            }
        } catch (RuntimeException e) {
            log.error("Telegram message {} could not be handled", message.getMessageId(), e);
        }
    }

    /** {@code telegram:<username>}, or {@code telegram:<user id>} for a user without one. */
    static String actor(User user, long chatId) {
        if (user == null) {
            return "telegram:" + chatId;
        }
        return "telegram:" + (user.getUserName() != null && !user.getUserName().isBlank() ? user.getUserName()
                : user.getId());
    }

    private void audit(String actor, String action, String details) {
        store.inTransaction(session -> {
            session.audit(new AuditEntry(clock.instant(), actor, action, details));
            return null;
        });
    }

    private static String cut(String text) {
        String oneLine = text == null ? "(no text)" : text.replace('\n', ' ');
        return oneLine.length() <= AUDITED_TEXT ? oneLine : oneLine.substring(0, AUDITED_TEXT) + "...";
    }

    private synchronized void stopPolling() {
        if (polling != null) {
            try {
                polling.close();
            } catch (Exception e) {
                log.debug("stopping the Telegram polling: {}", redact.apply(e.getMessage()));
            }
            polling = null;
        }
        // a long poll under way is left to end by itself (within its 50 s, on a daemon thread): interrupted,
        // the library would log it as an error
        pollThreads.forEach(ExecutorService::shutdown);
        pollThreads.clear();
    }

    private static ThreadFactory daemon(String name) {
        return DaemonThreads.named(name);
    }

    /** Takes no more commands (the one running may finish); notices still go out until {@link #close()}. */
    public void stopCommands() {
        closed = true;
        startThread.shutdownNow();
        stopPolling();
        commandThread.shutdown();
        try {
            commandThread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        commandThread.shutdownNow();
    }

    @Override
    public void close() {
        stopCommands();
        outbox.close();
        httpThreads.shutdownNow();
        sendHttp.connectionPool().evictAll();
    }
}
