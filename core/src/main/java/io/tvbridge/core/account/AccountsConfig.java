package io.tvbridge.core.account;

import io.tvbridge.core.config.ConfigException;
import io.tvbridge.core.config.ConfigValues;
import io.tvbridge.core.config.TvBridgeConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The accounts a daemon trades: {@code ACCOUNTS=live:ibkr,fx:oanda,shadow:paper}, each named
 * account with its broker, and {@code <ACCOUNT>_FOLLOWS} making a paper account the shadow of
 * another. Without {@code ACCOUNTS}, {@code BROKER} alone means one account named after its
 * broker, as before there were several.
 *
 * @param several whether {@code ACCOUNTS} was given: each account then keeps its records in a
 *     folder of its own and is named in every answer, even when it is the only one
 */
public record AccountsConfig(List<Account> accounts, Optional<String> routes, boolean several) {
    public static final String ACCOUNTS = "ACCOUNTS";
    public static final String ROUTES = "ROUTES";
    /** {@code SHADOW_FOLLOWS=live}: the account whose orders the shadow copies. */
    public static final String FOLLOWS = "FOLLOWS";
    /** The broker a shadow trades on: only the paper broker can fill at the prices another venue saw. */
    public static final String SHADOW_BROKER = "paper";
    /** A shadow fills at the signal's price exactly: no slippage of its own, whatever its leader's paper has. */
    private static final Map<String, String> SHADOW_DEFAULTS = Map.of("PAPER_SLIPPAGE_BPS", "0",
            "PAPER_FRACTIONAL", "true", "PAPER_LEVERAGE", "100");

    /** One account: its name, its broker, and, for a shadow, the account it follows. */
    public record Account(AccountName name, String broker, Optional<AccountName> follows) {
        public Account {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(broker, "broker");
            Objects.requireNonNull(follows, "follows");
        }

        public boolean shadow() {
            return follows.isPresent();
        }

        /** {@code LIVE_}: the start of this account's own variables ({@code LIVE_IBKR_PORT}, {@code LIVE_MAX_DAILY_LOSS}). */
        public String prefix() {
            return name.value().toUpperCase(Locale.ROOT).replace('-', '_') + "_";
        }

        /** What this account reads: its own variables first, then the daemon's. */
        public ConfigValues values(ConfigValues daemon) {
            return daemon.scoped(prefix());
        }
    }

    public AccountsConfig {
        accounts = List.copyOf(accounts);
        Objects.requireNonNull(routes, "routes");
        if (accounts.isEmpty()) {
            throw new IllegalArgumentException("a daemon trades at least one account");
        }
    }

    public static AccountsConfig from(ConfigValues values) {
        Optional<String> listed = values.text(ACCOUNTS);
        Optional<String> routes = values.text(ROUTES);
        if (listed.isEmpty()) {
            if (routes.isPresent()) {
                throw new ConfigException(ROUTES + " sends alerts to accounts, and " + ACCOUNTS + " names none: set "
                        + ACCOUNTS + " (live:ibkr,fx:oanda) or unset " + ROUTES);
            }
            String broker = values.text(TvBridgeConfig.BROKER, "paper").toLowerCase(Locale.ROOT);
            return new AccountsConfig(List.of(new Account(named(broker, TvBridgeConfig.BROKER), broker,
                    Optional.empty())), Optional.empty(), false);
        }
        List<Account> accounts = new ArrayList<>();
        Set<AccountName> names = new LinkedHashSet<>();
        for (String entry : listed.get().split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.strip().split(":", -1);
            if (parts.length != 2 || parts[1].isBlank()) {
                throw new ConfigException(ACCOUNTS + ": '" + entry.strip() + "' is not name:broker (live:ibkr,"
                        + " fx:oanda, shadow:paper)");
            }
            AccountName name = named(parts[0].strip(), ACCOUNTS);
            if (!names.add(name)) {
                throw new ConfigException(ACCOUNTS + ": the account '" + name + "' is named twice");
            }
            accounts.add(new Account(name, parts[1].strip().toLowerCase(Locale.ROOT), Optional.empty()));
        }
        if (accounts.isEmpty()) {
            throw new ConfigException(ACCOUNTS + " is set but names no account (live:ibkr,fx:oanda)");
        }
        List<Account> followed = new ArrayList<>();
        for (Account account : accounts) {
            followed.add(withFollows(account, values, names));
        }
        for (Account account : followed) {
            account.follows().ifPresent(leader -> {
                if (followed.stream().anyMatch(other -> other.name().equals(leader) && other.shadow())) {
                    throw new ConfigException(account.prefix() + FOLLOWS + ": '" + leader + "' is a shadow itself;"
                            + " a shadow follows an account that trades");
                }
            });
        }
        if (followed.stream().allMatch(Account::shadow)) {
            throw new ConfigException(ACCOUNTS + ": every account is a shadow; at least one must trade");
        }
        return new AccountsConfig(followed, routes, true);
    }

    private static Account withFollows(Account account, ConfigValues values, Set<AccountName> names) {
        String variable = account.prefix() + FOLLOWS;
        Optional<String> follows = values.text(variable);
        if (follows.isEmpty()) {
            return account;
        }
        AccountName leader = named(follows.get().strip(), variable);
        if (!names.contains(leader)) {
            throw new ConfigException(variable + ": there is no account '" + leader + "' (" + ACCOUNTS + " names "
                    + String.join(", ", names.stream().map(AccountName::value).toList()) + ")");
        }
        if (leader.equals(account.name())) {
            throw new ConfigException(variable + ": an account cannot follow itself");
        }
        if (!account.broker().equals(SHADOW_BROKER)) {
            throw new ConfigException(variable + ": a shadow trades on the paper broker, and '" + account.name()
                    + "' uses " + account.broker() + " (" + ACCOUNTS + "=…," + account.name() + ":paper)");
        }
        return new Account(account.name(), account.broker(), Optional.of(leader));
    }

    private static AccountName named(String text, String variable) {
        try {
            return AccountName.of(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(variable + ": " + e.getMessage());
        }
    }

    /**
     * What {@code account} reads: its own variables ({@code SHADOW_…}), then, for a shadow, those of
     * the account it follows ({@code LIVE_…}: the same market hours and settings unless it sets its
     * own), then the daemon's. A shadow's paper account fills at the signal's price (no slippage
     * of its own), takes fractional quantities and lends freely unless the shadow's own variables
     * say otherwise, so that a copy is neither moved nor refused for lack of buying power.
     */
    public ConfigValues valuesOf(Account account, ConfigValues daemon) {
        if (account.follows().isEmpty()) {
            return account.values(daemon);
        }
        Account leader = find(account.follows().get()).orElseThrow();
        return leader.values(daemon).scoped(account.prefix(), SHADOW_DEFAULTS);
    }

    /** The accounts that follow no other: without ROUTES, one of them alone takes every alert. */
    public List<Account> trading() {
        return accounts.stream().filter(account -> !account.shadow()).toList();
    }

    public Optional<Account> find(AccountName name) {
        return accounts.stream().filter(account -> account.name().equals(name)).findFirst();
    }
}
