package io.tvbridge.core.account;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** Placeholder until the routes branch lands: an account's name. */
public record AccountName(String value) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    public AccountName {
        Objects.requireNonNull(value, "value");
        if (!NAME.matcher(value).matches() || value.equals("all")) {
            throw new IllegalArgumentException("'" + value + "' is not an account name");
        }
    }

    public static AccountName of(String text) {
        return new AccountName(text.strip().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
