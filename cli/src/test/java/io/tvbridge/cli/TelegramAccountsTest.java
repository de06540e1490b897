package io.tvbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.model.Position;
import io.tvbridge.core.risk.TradingHalt;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot of a daemon of two accounts: a command names one as @name; without one, what reads
 * answers for both, the switches act on both, and what changes one account asks which. One daemon
 * serves every test; each leaves both accounts running.
 */
@Timeout(120)
class TelegramAccountsTest {
    @TempDir
    static Path folder;
    private static FakeTelegram telegram;
    private static TestDaemon tv;

    @BeforeAll
    static void start() {
        telegram = new FakeTelegram();
        Map<String, String> environment = new HashMap<>(telegram.environment());
        environment.put("ACCOUNTS", "live:paper,fx:paper");
        environment.put("ROUTES", "* -> live");
        tv = TestDaemon.start(folder, environment);
    }

    @AfterAll
    static void stop() {
        if (tv != null) {
            tv.close();
        }
        telegram.close();
    }

    @AfterEach
    void resumeBoth() {
        tv.daemon.accounts().stream().filter(account -> !account.control().current().equals(TradingHalt.NONE))
                .forEach(account -> account.control().resume("test", "next test"));
    }

    private static TradingHalt halt(String account) {
        return tv.daemon.account(account).control().current();
    }

    @Test
    void readingCommandsAnswerForEveryAccountOrTheOneNamed() {
        String status = telegram.command("/status");
        assertThat(status).startsWith("[live]\ntvbridge ").contains("\n\n[fx]\ntvbridge ");
        assertThat(status.split("Broker paper: connected", -1)).hasSize(3);
        assertThat(telegram.command("/status @fx")).startsWith("[fx]\n").doesNotContain("[live]")
                .contains("Kill switch: off");
        assertThat(telegram.command("/help")).contains("Accounts: live, fx. Name one with @")
                .contains("/kill market crash stops every account");
    }

    @Test
    void theKillSwitchStopsTheAccountNamedOrEveryAccount() {
        assertThat(telegram.command("/kill @live feed looks wrong"))
                .isEqualTo("Kill switch ON:\n[live] kill switch on, pause off");
        assertThat(halt("live").kill()).hasValueSatisfying(on -> {
            assertThat(on.reason()).isEqualTo("feed looks wrong");
            assertThat(on.actor()).isEqualTo("telegram:ana");
        });
        assertThat(halt("fx").kill()).isEmpty();

        // 'market' is no account, so it is the reason, and the kill is everyone's
        assertThat(telegram.command("/kill market crash")).isEqualTo("Kill switch ON on every account:\n"
                + "[live] kill switch on, pause off\n[fx] kill switch on, pause off");
        assertThat(halt("fx").kill()).hasValueSatisfying(on -> assertThat(on.reason()).isEqualTo("market crash"));
        assertThat(halt("live").kill()).hasValueSatisfying(on -> assertThat(on.reason()).isEqualTo("market crash"));

        assertThat(telegram.command("/resume @fx")).isEqualTo("Resumed:\n[fx] kill switch off, pause off");
        assertThat(halt("fx")).isEqualTo(TradingHalt.NONE);
        assertThat(halt("live").kill()).isPresent();
    }

    @Test
    void anAccountNotKnownOrNotWrittenWithAtIsRefusedAndNothingIsDone() {
        assertThat(telegram.command("/kill @nope now")).isEqualTo("Refused: no account 'nope'; accounts: live, fx");
        assertThat(telegram.command("/kill live")).isEqualTo("Refused: 'live' is an account's name, and an account is"
                + " written @live: /kill @live for live alone, or /kill @all live for every account");
        assertThat(halt("live")).isEqualTo(TradingHalt.NONE);
        assertThat(halt("fx")).isEqualTo(TradingHalt.NONE);
    }

    @Test
    void whatChangesOneAccountNeedsItsNameAndTouchesNoOther() {
        tv.signal("\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":10,\"price\":100");
        TestDaemon.eventually("live holds AAPL", () -> held("live").size() == 1);

        assertThat(telegram.command("/sell_all")).isEqualTo("/sell_all changes one account: say which, e.g."
                + " /sell_all @live. Accounts: live, fx. Nothing was done.");

        // a confirmation holds for the account it was asked for only
        assertThat(telegram.command("/sell_all @live")).isEqualTo("[live]\nThis closes EVERY position at market. To"
                + " go ahead send /sell_all @live confirm within 2 minutes.");
        assertThat(telegram.command("/sell_all @fx confirm")).startsWith("[fx]\nNothing to confirm: send"
                + " /sell_all @fx first");
        assertThat(held("live")).extracting(Position::quantity).containsExactly(BigDecimal.TEN);
        assertThat(telegram.command("/positions")).contains("[live]\nPositions (expected, broker where it differs):"
                + "\nAAPL 10").contains("[fx]\nNo open positions.").doesNotContain("DIFFERS");

        String before = tv.daemon.account("live").settings().values().get("sizing_amount");
        assertThat(telegram.command("/set_amount @fx 1500")).isEqualTo("[fx]\nSet sizing_amount: " + before
                + " -> 1500");
        assertThat(tv.daemon.account("fx").settings().values()).containsEntry("sizing_amount", "1500");
        assertThat(tv.daemon.account("live").settings().values()).containsEntry("sizing_amount", before);

        assertThat(telegram.command("/sell_all @live confirm")).startsWith("[live]\nSell all: accepted");
        TestDaemon.eventually("live holds nothing", () -> held("live").isEmpty());
    }

    private static List<Position> held(String account) {
        try {
            return tv.daemon.account(account).broker().broker().positions().stream()
                    .filter(p -> p.quantity().signum() != 0).toList();
        } catch (BrokerException e) {
            throw new AssertionError(e);
        }
    }
}
