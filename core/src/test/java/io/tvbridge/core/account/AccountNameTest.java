package io.tvbridge.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccountNameTest {

    @ParameterizedTest
    @CsvSource({"live,live", "fx,fx", "shadow-2,shadow-2", "ibkr_paper,ibkr_paper", "a,a", "LIVE,live", "' Fx ',fx",
            "abcdefghijklmnopqrstuvwxyz012345,abcdefghijklmnopqrstuvwxyz012345"})
    void readsNamesTrimmedAndLowerCased(String given, String name) {
        AccountName account = AccountName.of(given);
        assertThat(account.value()).isEqualTo(name);
        assertThat(account).hasToString(name);
        assertThat(AccountName.of(account.toString())).isEqualTo(account);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|'' is not an account name: an account name is 1 to 32 lower-case letters, digits, _ or -,"
                    + " starting with a letter",
            "2live|'2live' is not an account name",
            "-live|'-live' is not an account name",
            "live account|'live account' is not an account name",
            "live.eu|'live.eu' is not an account name",
            "müller|'müller' is not an account name",
            "abcdefghijklmnopqrstuvwxyz0123456|is not an account name",
            "all|'all' is not an account name: name the accounts themselves",
            "' All '|'all' is not an account name",
    })
    void refusesWhatIsNotAName(String given, String message) {
        assertThatThrownBy(() -> AccountName.of(given)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
