package io.tvbridge.server.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvbridge.core.account.AccountName;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How a command's text names an account: only as @name, so that a reason or a symbol is never read as one. */
class AccountArgumentTest {
    private static final List<AccountName> SEVERAL = Stream.of("live", "fx", "shadow").map(AccountName::of).toList();
    private static final List<AccountName> ONE = List.of(AccountName.of("paper"));

    static Stream<Arguments> read() {
        return Stream.of(
                Arguments.of("nothing: every account", "", "", ""),
                Arguments.of("@live alone", "@live", "live", ""),
                Arguments.of("@live and a reason", "@live feed looks wrong", "live", "feed looks wrong"),
                Arguments.of("any case, spaces around", "  @FX   lunch  ", "fx", "lunch"),
                Arguments.of("@all: every account", "@all live feed broken", "", "live feed broken"),
                Arguments.of("a reason that names no account", "market crash", "", "market crash"),
                Arguments.of("an account's name later in the reason", "market crash on live", "", "market crash on live"),
                Arguments.of("a word that only starts like an account", "lively market", "", "lively market"),
                Arguments.of("a symbol", "AAPL", "", "AAPL"),
                Arguments.of("sell all, confirmed", "@shadow confirm", "shadow", "confirm"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void read(String why, String text, String account, String rest) {
        AccountArgument argument = AccountArgument.read("/kill", text, SEVERAL, true);

        assertThat(argument).isEqualTo(new AccountArgument(
                account.isEmpty() ? Optional.empty() : Optional.of(AccountName.of(account)), rest));
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("@ and no account", "@market crash", "no account 'market'; accounts: live, fx, shadow"),
                Arguments.of("@ and nothing", "@ now", "no account ''; accounts: live, fx, shadow"),
                Arguments.of("an account's bare name", "live feed broken", "'live' is an account's name, and an"
                        + " account is written @live: /kill @live feed broken for live alone, or /kill @all live feed"
                        + " broken for every account"),
                Arguments.of("a bare name in another case", "FX", "'FX' is an account's name, and an account is"
                        + " written @fx: /kill @fx for fx alone, or /kill @all FX for every account"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void refused(String why, String text, String answer) {
        assertThatThrownBy(() -> AccountArgument.read("/kill", text, SEVERAL, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(answer);
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @MethodSource("oneAccount")
    void withOneAccountTheTextIsTheCommandsAsBefore(String text) {
        assertThat(AccountArgument.read("/kill", text, ONE, false))
                .isEqualTo(new AccountArgument(Optional.of(AccountName.of("paper")), text.strip()));
    }

    static Stream<String> oneAccount() {
        return Stream.of("", "paper", "@paper", "@live market crash", "market crash ");
    }
}
