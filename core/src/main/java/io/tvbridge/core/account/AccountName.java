package io.tvbridge.core.account;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of one of the daemon's accounts ({@code live}, {@code fx}, {@code shadow}), as
 * {@code ACCOUNTS}, {@code ROUTES} and an alert's {@code "account"} write it: 1 to 32 lower-case
 * letters, digits, {@code _} or {@code -}, starting with a letter. Given in any case and with
 * spaces around it, it is kept trimmed and lower-cased.
 */
public record AccountName(String value) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
    /** Reserved so that "all" never names one account while reading as every one of them. */
    private static final String RESERVED = "all";
    private static final String RULE = "an account name is 1 to 32 lower-case letters, digits, _ or -, starting with"
            + " a letter (live, fx-demo, ibkr_2)";

    public AccountName {
        Objects.requireNonNull(value, "value");
        value = value.strip().toLowerCase(Locale.ROOT);
        if (value.equals(RESERVED)) {
            throw new IllegalArgumentException("'all' is not an account name: name the accounts themselves");
        }
        if (!NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + shorten(value) + "' is not an account name: " + RULE);
        }
    }

    public static AccountName of(String text) {
        return new AccountName(text);
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    @Override
    public String toString() {
        return value;   // of(toString()) round-trips
    }
}
