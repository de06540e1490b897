package io.tvbridge.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvbridge.core.config.ConfigException;
import io.tvbridge.core.config.ConfigValues;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What ACCOUNTS, <ACCOUNT>_FOLLOWS and ROUTES start, and what they refuse, with the reason. */
class AccountsConfigTest {

    private static AccountsConfig read(Map<String, String> variables) {
        return AccountsConfig.from(ConfigValues.layered(variables));
    }

    @Test
    void withoutAccountsTheBrokerIsTheOneAccountNamedAfterIt() {
        AccountsConfig config = read(Map.of("BROKER", "IBKR"));
        assertThat(config.several()).isFalse();
        assertThat(config.accounts()).containsExactly(new AccountsConfig.Account(AccountName.of("ibkr"), "ibkr",
                Optional.empty()));
        assertThat(read(Map.of()).accounts().get(0).broker()).isEqualTo("paper");
    }

    @Test
    void accountsNameEachBrokerAndAShadowFollowsAnother() {
        AccountsConfig config = read(Map.of("ACCOUNTS", " live:ibkr, fx:OANDA ,shadow:paper", "SHADOW_FOLLOWS", "live",
                "BROKER", "paper"));
        assertThat(config.several()).isTrue();
        assertThat(config.accounts()).extracting(a -> a.name() + ":" + a.broker() + a.follows().map(f -> ">" + f)
                .orElse("")).containsExactly("live:ibkr", "fx:oanda", "shadow:paper>live");
        assertThat(config.trading()).extracting(a -> a.name().value()).containsExactly("live", "fx");
        assertThat(config.accounts().get(2).shadow()).isTrue();
    }

    @Test
    void eachAccountReadsItsOwnVariablesFirstAndAShadowItsLeadersNext() {
        ConfigValues daemon = ConfigValues.layered(Map.of("ACCOUNTS", "live:ibkr,shadow:paper", "SHADOW_FOLLOWS", "live",
                "MAX_DAILY_LOSS", "500", "LIVE_MAX_DAILY_LOSS", "900", "LIVE_MARKET_HOURS", "always",
                "LIVE_PAPER_SLIPPAGE_BPS", "10", "SHADOW_PAPER_STARTING_CASH", "25000"));
        AccountsConfig config = AccountsConfig.from(daemon);
        ConfigValues live = config.valuesOf(config.accounts().get(0), daemon);
        ConfigValues shadow = config.valuesOf(config.accounts().get(1), daemon);
        assertThat(live.text("MAX_DAILY_LOSS")).hasValue("900");
        assertThat(shadow.text("MAX_DAILY_LOSS")).as("the leader's").hasValue("900");
        assertThat(shadow.text("MARKET_HOURS")).as("the leader's hours").hasValue("always");
        assertThat(shadow.text("PAPER_SLIPPAGE_BPS")).as("a shadow fills at the signal's price").hasValue("0");
        assertThat(shadow.text("PAPER_STARTING_CASH")).hasValue("25000");
        assertThat(shadow.text("PAPER_FRACTIONAL")).hasValue("true");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ACCOUNTS=live                                    | ACCOUNTS: 'live' is not name:broker",
            "ACCOUNTS=live:ibkr,live:oanda                    | the account 'live' is named twice",
            "ACCOUNTS=Live Money:ibkr                         | ACCOUNTS: ",
            "ACCOUNTS=all:ibkr                                | ACCOUNTS: ",
            "ACCOUNTS=,                                       | names no account",
            "ROUTES=*->live                                   | ROUTES sends alerts to accounts, and ACCOUNTS names none",
            "ACCOUNTS=live:ibkr,s:paper;S_FOLLOWS=fx          | S_FOLLOWS: there is no account 'fx'",
            "ACCOUNTS=live:ibkr,s:paper;S_FOLLOWS=s           | S_FOLLOWS: an account cannot follow itself",
            "ACCOUNTS=live:ibkr,s:oanda;S_FOLLOWS=live        | S_FOLLOWS: a shadow trades on the paper broker",
            "ACCOUNTS=a:paper,b:paper;A_FOLLOWS=b;B_FOLLOWS=a | is a shadow itself",
    })
    void refused(String variables, String reason) {
        Map<String, String> given = new HashMap<>();
        for (String variable : variables.split(";")) {
            String[] nameValue = variable.split("=", 2);
            given.put(nameValue[0], nameValue[1]);
        }
        assertThatThrownBy(() -> read(given)).isInstanceOf(ConfigException.class).hasMessageContaining(reason);
    }
}
