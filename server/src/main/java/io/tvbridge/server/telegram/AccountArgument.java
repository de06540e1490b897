package io.tvbridge.server.telegram;

import io.tvbridge.core.account.AccountName;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The account a command names, and the rest of its text. With several accounts an account is
 * named one way only, {@code @name} as the first word ({@code /kill @live feed broken}); {@code @all}
 * says every account. Nothing else is read as an account, so nothing is guessed: a first word
 * without {@code @} is the command's own text ({@code /kill market crash}), except an account's bare
 * name, which is refused ({@code /kill live} could mean either). With one account nothing is read:
 * the text is the command's, as before there were several.
 *
 * @param account the account named; empty for every account
 * @param rest    the command's text after the account
 */
record AccountArgument(Optional<AccountName> account, String rest) {
    static final String MARK = "@";
    private static final String EVERY = "all";

    AccountArgument {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(rest, "rest");
    }

    /**
     * Reads the account off {@code rest}, the text after {@code command} ({@code /kill}), for a
     * daemon of the accounts {@code names} ({@code several} when it was given {@code ACCOUNTS}).
     *
     * @throws IllegalArgumentException for {@code @x} naming no account, and for a bare account
     *                                  name, saying what to write instead
     */
    static AccountArgument read(String command, String rest, List<AccountName> names, boolean several) {
        String text = rest.strip();
        if (!several) {
            return new AccountArgument(Optional.of(names.get(0)), text);
        }
        if (text.isEmpty()) {
            return new AccountArgument(Optional.empty(), "");
        }
        String[] words = text.split("\\s+", 2);
        String first = words[0];
        String after = words.length > 1 ? words[1].strip() : "";
        if (first.startsWith(MARK)) {
            String name = first.substring(MARK.length()).toLowerCase(Locale.ROOT);
            if (name.equals(EVERY)) {
                return new AccountArgument(Optional.empty(), after);
            }
            return new AccountArgument(Optional.of(find(name, names).orElseThrow(() ->
                    new IllegalArgumentException("no account '" + name + "'; accounts: " + listed(names)))), after);
        }
        Optional<AccountName> bare = find(first.toLowerCase(Locale.ROOT), names);
        if (bare.isPresent()) {
            String name = bare.get().value();
            throw new IllegalArgumentException("'" + first + "' is an account's name, and an account is written "
                    + MARK + name + ": " + command + " " + MARK + name + (after.isEmpty() ? "" : " " + after)
                    + " for " + name + " alone, or " + command + " " + MARK + EVERY + " " + text
                    + " for every account");
        }
        return new AccountArgument(Optional.empty(), text);
    }

    private static Optional<AccountName> find(String name, List<AccountName> names) {
        return names.stream().filter(n -> n.value().equals(name)).findFirst();
    }

    /** {@code live, fx, shadow}: the names, as answers list them. */
    static String listed(List<AccountName> names) {
        return names.stream().map(AccountName::value).collect(Collectors.joining(", "));
    }
}
