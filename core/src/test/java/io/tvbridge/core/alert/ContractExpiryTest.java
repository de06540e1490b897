package io.tvbridge.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContractExpiryTest {
    private static final Instant NOW = Instant.parse("2026-12-07T14:30:00Z");

    @ParameterizedTest(name = "{0}")
    @CsvSource({"NQZ2026", "ESH2027", "AAPL", "NQ1!", "BTCUSDT", "NIFTY25JAN21500CE", "EURUSD"})
    void takesWhatIsNotADatedContractWhoseMonthHasPassed(String symbol) {
        assertThatCode(() -> ContractExpiry.check(alert(symbol), NOW)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"NQH2022, March 2022", "MNQM2025, June 2025", "GCV2026, October 2026"})
    void refusesAContractWhoseMonthHasPassed(String symbol, String month) {
        AlertProblem problem = org.junit.jupiter.api.Assertions.assertThrows(AlertProblem.class,
                () -> ContractExpiry.check(alert(symbol), NOW));
        assertThat(problem.getMessage()).startsWith(symbol + " is the " + month + " contract, which has expired");
    }

    private static Alert alert(String symbol) throws AlertProblem {
        return AlertDialects.read(("{\"symbol\":\"" + symbol + "\",\"action\":\"buy\"}")
                .getBytes(StandardCharsets.UTF_8)).single();
    }
}
