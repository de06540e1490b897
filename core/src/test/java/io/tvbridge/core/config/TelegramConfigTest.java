package io.tvbridge.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** TELEGRAM_*: no token, no bot; a token needs chats; the token never shows. */
class TelegramConfigTest {
    private static final String TOKEN = "123456:AAH-secret_token";

    private static ConfigValues values(Map<String, String> values) {
        return ConfigValues.layered(values);
    }

    @Test
    void withoutATokenThereIsNoBot() {
        assertThat(TelegramConfig.from(values(Map.of("TELEGRAM_CHAT_ID", "42")))).isEmpty();
    }

    @Test
    void readsEverySetting() {
        TelegramConfig config = TelegramConfig.from(values(Map.of("TELEGRAM_BOT_TOKEN", TOKEN,
                "TELEGRAM_CHAT_ID", "42, -1001234567890", "TELEGRAM_API_URL", "http://127.0.0.1:8089"))).orElseThrow();

        assertThat(config.chatIds()).isEqualTo(List.of(42L, -1001234567890L));
        assertThat(config.apiUrl()).isEqualTo(URI.create("http://127.0.0.1:8089"));
        assertThat(config.apiPort()).isEqualTo(8089);
        assertThat(config.toString()).doesNotContain("secret").contains("token=***");
        TelegramConfig standard = TelegramConfig.from(values(Map.of("TELEGRAM_BOT_TOKEN", TOKEN,
                "TELEGRAM_CHAT_ID", "42"))).orElseThrow();
        assertThat(standard.apiUrl()).isEqualTo(URI.create("https://api.telegram.org"));
        assertThat(standard.apiPort()).isEqualTo(443);
    }

    @Test
    void refusesWhatCannotWork() {
        assertThatThrownBy(() -> TelegramConfig.from(values(Map.of("TELEGRAM_BOT_TOKEN", TOKEN))))
                .hasMessageContaining("TELEGRAM_CHAT_ID must name at least one chat");
        assertThatThrownBy(() -> TelegramConfig.from(values(Map.of("TELEGRAM_BOT_TOKEN", TOKEN,
                "TELEGRAM_CHAT_ID", "ana"))))
                .hasMessageContaining("not 'ana'");
        assertThatThrownBy(() -> TelegramConfig.from(values(Map.of("TELEGRAM_BOT_TOKEN", "not a token secret",
                "TELEGRAM_CHAT_ID", "42"))))
                .hasMessageContaining("does not look like a bot token").message().doesNotContain("secret");
        assertThatThrownBy(() -> TelegramConfig.from(values(Map.of("TELEGRAM_BOT_TOKEN", TOKEN,
                "TELEGRAM_CHAT_ID", "42", "TELEGRAM_API_URL", "http://proxy/telegram"))))
                .hasMessageContaining("with no path");
    }
}
