package io.tvbridge.core.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Telegram bot's settings: its token (a secret, never shown), the chats allowed to command it
 * and told the notices, and the Bot API's base URL (a proxy or a test server).
 */
public record TelegramConfig(String token, List<Long> chatIds, URI apiUrl) {
    public static final String DEFAULT_API_URL = "https://api.telegram.org";

    public TelegramConfig {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(apiUrl, "apiUrl");
        chatIds = List.copyOf(chatIds);
    }

    /** The bot's settings, or empty when no token is set (then there is no bot). */
    public static Optional<TelegramConfig> from(ConfigValues values) {
        Optional<String> token = values.text(TvBridgeConfig.TELEGRAM_BOT_TOKEN).map(String::strip)
                .filter(t -> !t.isEmpty());
        if (token.isEmpty()) {
            return Optional.empty();
        }
        if (!token.get().matches("[0-9]+:[A-Za-z0-9_-]+")) {
            throw new ConfigException(TvBridgeConfig.TELEGRAM_BOT_TOKEN + " does not look like a bot token (digits,"
                    + " a colon, then letters, digits, '_' or '-'; BotFather gives it)");
        }
        List<Long> chats = chatIds(values.text(TvBridgeConfig.TELEGRAM_CHAT_ID, ""));
        if (chats.isEmpty()) {
            throw new ConfigException(TvBridgeConfig.TELEGRAM_CHAT_ID + " must name at least one chat when "
                    + TvBridgeConfig.TELEGRAM_BOT_TOKEN + " is set (the chat ids allowed to command the bot)");
        }
        return Optional.of(new TelegramConfig(token.get(), chats,
                apiUrl(values.text(TvBridgeConfig.TELEGRAM_API_URL, DEFAULT_API_URL))));
    }

    private static List<Long> chatIds(String text) {
        List<Long> ids = new ArrayList<>();
        for (String part : text.split(",")) {
            String id = part.strip();
            if (id.isEmpty()) {
                continue;
            }
            try {
                ids.add(Long.parseLong(id));
            } catch (NumberFormatException e) {
                throw new ConfigException(TvBridgeConfig.TELEGRAM_CHAT_ID + " must be chat ids separated by commas"
                        + " (numbers, negative for groups), not '" + id + "'");
            }
        }
        return ids;
    }

    private static URI apiUrl(String text) {
        try {
            URI uri = new URI(text.strip());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || !(uri.getPath() == null || uri.getPath().isEmpty() || "/".equals(uri.getPath()))) {
                throw new URISyntaxException(text, "not an http(s) address without a path");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(TvBridgeConfig.TELEGRAM_API_URL + " must be an http(s) address with no path,"
                    + " like " + DEFAULT_API_URL + ", not '" + text + "'");
        }
    }

    /** The port of the API address, with the scheme's default filled in. */
    public int apiPort() {
        return apiUrl.getPort() >= 0 ? apiUrl.getPort() : "https".equals(apiUrl.getScheme()) ? 443 : 80;
    }

    @Override
    public String toString() {
        return "TelegramConfig[token=***, chatIds=" + chatIds + ", apiUrl=" + apiUrl + "]";
    }
}
