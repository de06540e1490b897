package io.tvbridge.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The accounts file read as the variables it stands for, and how it meets the environment. */
class AccountsFileTest {
    private static final Path SOURCE = Path.of("data/accounts.ini");

    @TempDir
    Path folder;

    @Test
    void eachSectionIsAnAccountAndItsLinesItsOwnVariables() {
        Map<String, String> variables = AccountsFile.parse(List.of(
                "# three accounts",
                "ROUTES = strategy:ema -> live; fx:* -> fx",
                "",
                "[live]",
                "broker = ibkr",
                "IBKR_PORT = 4001",
                "max_daily_loss = 1500   # in the account's currency",
                "[fx]",
                "broker=oanda",
                "OANDA_TOKEN='abc def'",
                "[ shadow ]",
                "broker = paper",
                "follows = live"), SOURCE);
        assertThat(variables).containsExactly(
                Map.entry("ROUTES", "strategy:ema -> live; fx:* -> fx"),
                Map.entry("LIVE_IBKR_PORT", "4001"),
                Map.entry("LIVE_MAX_DAILY_LOSS", "1500"),
                Map.entry("FX_OANDA_TOKEN", "abc def"),
                Map.entry("SHADOW_FOLLOWS", "live"),
                Map.entry("ACCOUNTS", "live:ibkr,fx:oanda,shadow:paper"));
    }

    @Test
    void aSectionWithoutABrokerOrALineThatIsNoSectionIsRefusedWithItsLine() {
        assertThatThrownBy(() -> AccountsFile.parse(List.of("[live]", "IBKR_PORT=4001", "[fx]", "broker=oanda"),
                SOURCE)).isInstanceOf(ConfigException.class)
                .hasMessage("data/accounts.ini line 1: the account [live] names no broker (broker = ibkr, oanda,"
                        + " paper or a plugin's)");
        assertThatThrownBy(() -> AccountsFile.parse(List.of("[live]", "broker=ibkr", "[fx", "broker=oanda"),
                SOURCE)).isInstanceOf(ConfigException.class)
                .hasMessage("data/accounts.ini line 3 is not a section like [live]");
        assertThatThrownBy(() -> AccountsFile.parse(List.of("[live]", "broker=ibkr", "", "port 4001"), SOURCE))
                .isInstanceOf(ConfigException.class).hasMessage("data/accounts.ini line 4 is not KEY=value");
    }

    @Test
    void theDaemonReadsItBelowTheEnvironmentAndRefusesItBesideAccounts() throws Exception {
        Files.createDirectories(folder.resolve("data"));
        Files.writeString(folder.resolve("data").resolve(AccountsFile.NAME), "[live]\nbroker = paper\n"
                + "MAX_DAILY_LOSS = 900\n[shadow]\nbroker = paper\nfollows = live\n");
        ConfigValues values = ConfigLoader.load(Map.of(), Map.of("LIVE_MAX_DAILY_LOSS", "700"), folder).values();
        assertThat(values.text("ACCOUNTS")).hasValue("live:paper,shadow:paper");
        assertThat(values.text("SHADOW_FOLLOWS")).hasValue("live");
        assertThat(values.text("LIVE_MAX_DAILY_LOSS")).as("the environment first").hasValue("700");

        assertThatThrownBy(() -> ConfigLoader.load(Map.of(), Map.of("ACCOUNTS", "a:paper"), folder))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ACCOUNTS is set and ")
                .hasMessageContaining("accounts.ini names accounts too: keep one of them");
    }
}
