package io.tvbridge.core.alert;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses a dated futures contract whose month has passed ({@code NQH2022}: March 2022), the
 * sign of an alert written long ago and pasted unchanged. Trading another month instead would
 * be a guess; the refusal names the contract and the way to write the current one.
 */
public final class ContractExpiry {
    /** Root, CME month code, four-digit year: ESZ2026, NQH2022, MNQM2025. */
    private static final Pattern DATED = Pattern.compile("([A-Z0-9]{1,5}?)([FGHJKMNQUVXZ])(20\\d\\d)");
    private static final String MONTH_CODES = "FGHJKMNQUVXZ";

    private ContractExpiry() {
    }

    public static void check(Alert alert, Instant now) throws AlertProblem {
        Optional<String> symbol = alert.symbol();
        if (symbol.isEmpty()) {
            return;
        }
        Matcher dated = DATED.matcher(symbol.get());
        if (!dated.matches()) {
            return;
        }
        YearMonth month = YearMonth.of(Integer.parseInt(dated.group(3)), MONTH_CODES.indexOf(dated.group(2)) + 1);
        if (month.isBefore(YearMonth.from(now.atZone(ZoneOffset.UTC)))) {
            throw AlertProblem.invalid("symbol", symbol.get() + " is the " + month.getMonth()
                    .getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + month.getYear() + " contract, which has"
                    + " expired: name the current contract, or the continuous " + dated.group(1) + "1!");
        }
    }
}
