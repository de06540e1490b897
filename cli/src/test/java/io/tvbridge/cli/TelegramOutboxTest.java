package io.tvbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvbridge.core.notify.Notice;
import io.tvbridge.server.telegram.TelegramOutbox;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;

/** The outbox against a WireMock Bot API: bursts batched, 429s waited out, long texts split. */
@Timeout(60)
class TelegramOutboxTest {
    private static final long GROUP = -1001234567890L;

    private final FakeTelegram telegram = new FakeTelegram();
    private final TelegramOutbox outbox = new TelegramOutbox(new OkHttpTelegramClient(FakeTelegram.TOKEN,
            new TelegramUrl("http", "127.0.0.1", telegram.server.port(), false)), List.of(FakeTelegram.CHAT, GROUP),
            Duration.ofMillis(500), text -> text.replace(FakeTelegram.TOKEN, "***"));

    @AfterEach
    void stop() {
        outbox.close();
        telegram.close();
    }

    private static Notice fill(int i) {
        return new Notice(Notice.Kind.FILL, "Filled BUY 1 SYM" + i + " @ 10", Instant.EPOCH);
    }

    @Test
    void aBurstOfNoticesIsOneMessagePerChat() {
        IntStream.rangeClosed(1, 50).forEach(i -> outbox.notify(fill(i)));

        FakeTelegram.Sent toChat = telegram.awaitSent(FakeTelegram.CHAT, t -> t.startsWith("50 notices:"), "the batch");
        telegram.awaitSent(GROUP, t -> t.startsWith("50 notices:"), "the batch in the group");

        assertThat(telegram.sent()).hasSize(2);
        assertThat(toChat.text()).contains("• Filled BUY 1 SYM1 @ 10").contains("• Filled BUY 1 SYM50 @ 10");
        assertThat(toChat.silent()).as("fills alone do not ring").isTrue();
    }

    @Test
    void aNoticeThatNeedsAttentionMakesTheBatchRing() {
        outbox.notify(fill(1));
        outbox.notify(new Notice(Notice.Kind.RISK_BLOCK, "Blocked signal 7 (buy 10 AAPL market): max_daily_trades",
                Instant.EPOCH));

        FakeTelegram.Sent sent = telegram.awaitSent(FakeTelegram.CHAT, t -> t.startsWith("2 notices:"), "the batch");
        assertThat(sent.silent()).isFalse();
    }

    @Test
    void a429RetryAfterIsWaitedOutBeforeTheMessageIsSentAgain() {
        telegram.throttleOnce(2);

        outbox.reply(FakeTelegram.CHAT, 0, "pong");
        TestDaemon.eventually("the message sent again", () -> telegram.sent().size() == 2);

        List<FakeTelegram.Sent> sent = telegram.sent();
        assertThat(sent).extracting(FakeTelegram.Sent::text).containsExactly("pong", "pong");
        assertThat(Duration.between(sent.get(0).at(), sent.get(1).at())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aTextOverTelegramsLimitGoesAsSeveralMessages() {
        String text = IntStream.rangeClosed(1, 300).mapToObj(i -> "order " + i + " filled at 187.20 on NASDAQ")
                .collect(Collectors.joining("\n"));

        outbox.reply(FakeTelegram.CHAT, 0, text);
        TestDaemon.eventually("every part sent", () -> String.join("\n", telegram.sent().stream()
                .map(FakeTelegram.Sent::text).toList()).equals(text));

        assertThat(telegram.sent()).hasSizeGreaterThan(1).allMatch(s -> s.text().length() <= 4096);
    }
}
