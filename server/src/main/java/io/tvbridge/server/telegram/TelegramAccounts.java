package io.tvbridge.server.telegram;

import io.tvbridge.core.account.AccountName;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The accounts the bot steers, in the daemon's order, each with its services.
 *
 * @param several whether the daemon was given {@code ACCOUNTS}: commands then take an account
 *                ({@code @live}) and answer account by account; otherwise there is exactly one
 *                account and the bot answers as it did before there were several
 */
record TelegramAccounts(Map<AccountName, TelegramCommandServices> accounts, boolean several) {
    TelegramAccounts {
        Objects.requireNonNull(accounts, "accounts");
        if (accounts.isEmpty()) {
            throw new IllegalArgumentException("the bot steers at least one account");
        }
        if (!several && accounts.size() != 1) {
            throw new IllegalArgumentException("a daemon without ACCOUNTS has one account, not " + accounts.keySet());
        }
        accounts = Collections.unmodifiableMap(new LinkedHashMap<>(accounts));
    }

    List<AccountName> names() {
        return List.copyOf(accounts.keySet());
    }

    /** {@code live, fx, shadow}: the names, as answers list them. */
    String listed() {
        return AccountArgument.listed(names());
    }
}
