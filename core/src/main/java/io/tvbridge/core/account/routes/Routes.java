package io.tvbridge.core.account.routes;

import io.tvbridge.core.account.AccountName;
import io.tvbridge.core.alert.Alert;
import io.tvbridge.core.config.ConfigException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code ROUTES}: which of the daemon's accounts each alert goes to. Rules are written
 * {@code pattern -> account, account} and separated by {@code ;} or new lines, such as
 * {@code ema -> live; fx:* -> fx; * -> shadow}, in any case. A pattern is {@code *} (every
 * alert), {@code strategy:<glob>}, {@code symbol:<glob>} (with a colon in the glob, the
 * symbol with its exchange), {@code <class>:<glob>} (stock, future, fx, crypto or cfd, and
 * the symbol) or a strategy's {@code <glob>} alone; a glob's {@code *} is any run of
 * characters and {@code ?} one. An alert that names its account goes there alone; any
 * other goes to the accounts of every rule that matches it, in the rules' order. Pure:
 * parsed once, asked per alert.
 */
public final class Routes {
    private static final String EXAMPLE = "write rules like 'ema -> live; fx:* -> fx; * -> shadow'";

    private final List<Rule> rules;
    /** The daemon's accounts, in the order it was given them: refusals list them so. */
    private final List<AccountName> accounts;

    private Routes(List<Rule> rules, List<AccountName> accounts) {
        this.rules = List.copyOf(rules);
        this.accounts = List.copyOf(accounts);
    }

    /**
     * Reads {@code text}; each rule may send only to {@code accounts} (listed in refusals in
     * the set's order). Throws a {@link ConfigException} naming the rule it cannot read.
     */
    public static Routes parse(String text, Set<AccountName> accounts) {
        Objects.requireNonNull(text, "text");
        List<AccountName> configured = List.copyOf(accounts);
        List<Rule> rules = new ArrayList<>();
        for (String written : text.split("[;\\r\\n]")) {
            if (!written.isBlank()) {
                rules.add(rule(written.strip(), configured));
            }
        }
        if (rules.isEmpty()) {
            throw new ConfigException("ROUTES: '" + text.strip() + "' holds no rule: " + EXAMPLE);
        }
        return new Routes(rules, configured);
    }

    /**
     * A daemon of several accounts without rules: every alert must name its account
     * ({@code "account": "live"}), else it is refused with the reason.
     */
    public static Routes byAlertOnly(Set<AccountName> accounts) {
        return new Routes(List.of(), List.copyOf(accounts));
    }

    /** A daemon of one account: every alert goes to it. */
    public static Routes everythingTo(AccountName account) {
        return new Routes(List.of(new Rule(new RoutePattern.Any(), List.of(account))), List.of(account));
    }

    /** Where {@code alert} goes; never throws: what cannot be routed is refused with the reason. */
    public Route route(Alert alert) {
        if (alert.account().isPresent()) {
            return toNamedAccount(alert.account().get());
        }
        if (rules.isEmpty()) {
            return new Route.Refused("this daemon trades several accounts (" + names(accounts) + ") and no ROUTES"
                    + " are set: name the account in the alert (\"account\": \"" + accounts.get(0) + "\") or set"
                    + " ROUTES");
        }
        Set<AccountName> to = new LinkedHashSet<>();
        List<String> why = new ArrayList<>();
        List<Rule> needingTheClass = new ArrayList<>();
        for (Rule rule : rules) {
            switch (rule.pattern().test(alert)) {
                case MATCHES -> {
                    to.addAll(rule.accounts());
                    why.add(rule.why());
                }
                case MISSES -> { }
                case CLASS_NOT_KNOWN -> needingTheClass.add(rule);
            }
        }
        // a rule that needs the unknown class decides nothing when the other rules send to its accounts anyway
        for (Rule rule : needingTheClass) {
            if (!to.containsAll(rule.accounts())) {
                return new Route.Refused("the routes send by asset class (" + rule.written() + "), and the class of "
                        + alert.instrument().orElseThrow() + " is not known: write the symbol with an exchange prefix"
                        + " tvbridge knows (FX:EURUSD, NASDAQ:AAPL, CME_MINI:ES1!, BINANCE:BTCUSDT), or name the"
                        + " account in the alert (\"account\": \"" + rule.accounts().get(0) + "\")");
            }
        }
        if (to.isEmpty()) {
            return new Route.Refused("no route sends this alert to an account (" + described(alert)
                    + "); the routes are: " + describe());
        }
        return new Route.To(List.copyOf(to), String.join("; ", why));
    }

    /** The rules, normalised on one line: {@code strategy:ema -> live; fx:* -> fx; * -> shadow}. */
    public String describe() {
        if (rules.isEmpty()) {
            return "none: each alert names its account";
        }
        return rules.stream().map(Rule::written).collect(Collectors.joining("; "));
    }

    @Override
    public String toString() {
        return describe();
    }

    private Route toNamedAccount(String named) {
        Optional<AccountName> account = accounts.stream().filter(a -> a.value().equals(named)).findFirst();
        if (account.isEmpty()) {
            return new Route.Refused("the alert names account '" + named + "', which this daemon does not have;"
                    + " its accounts are: " + names(accounts));
        }
        return new Route.To(List.of(account.get()), "the alert names account " + account.get());
    }

    /** What the rules look at, in words: "strategy ema, symbol SPY, stock". */
    private static String described(Alert alert) {
        List<String> parts = new ArrayList<>();
        parts.add(alert.strategy().map(s -> "strategy " + s).orElse("no strategy"));
        if (alert.instrument().isEmpty()) {
            parts.add("no symbol");
        } else {
            parts.add("symbol " + alert.instrument().get());
            parts.add(alert.instrument().get().assetClass().map(RoutePattern::word).orElse("class not known"));
        }
        return String.join(", ", parts);
    }

    private static Rule rule(String written, List<AccountName> configured) {
        int arrow = written.indexOf("->");
        if (arrow < 0) {
            throw refused(written, "there is no '->' between the pattern and the accounts; " + EXAMPLE);
        }
        RoutePattern pattern;
        try {
            pattern = RoutePattern.parse(written.substring(0, arrow));
        } catch (IllegalArgumentException e) {
            throw refused(written, e.getMessage());
        }
        Set<AccountName> to = new LinkedHashSet<>();
        for (String name : written.substring(arrow + 2).split(",", -1)) {
            if (name.isBlank()) {
                throw refused(written, "an account name is missing after '->' or a ','");
            }
            AccountName account;
            try {
                account = AccountName.of(name);
            } catch (IllegalArgumentException e) {
                throw refused(written, e.getMessage());
            }
            if (!configured.contains(account)) {
                throw refused(written, "account '" + account + "' is not one of this daemon's accounts (ACCOUNTS): "
                        + names(configured));
            }
            to.add(account);
        }
        return new Rule(pattern, List.copyOf(to));
    }

    private static ConfigException refused(String rule, String reason) {
        return new ConfigException("ROUTES: in '" + rule + "': " + reason);
    }

    private static String names(List<AccountName> accounts) {
        return accounts.stream().map(AccountName::value).collect(Collectors.joining(", "));
    }

    /** One rule: the alerts its pattern takes go to its accounts. */
    private record Rule(RoutePattern pattern, List<AccountName> accounts) {
        String written() {
            return pattern.written() + " -> " + names(accounts);
        }

        String why() {
            return pattern.words() + " -> " + names(accounts);
        }
    }
}
