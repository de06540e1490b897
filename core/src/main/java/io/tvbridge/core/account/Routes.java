package io.tvbridge.core.account;

import io.tvbridge.core.alert.Alert;
import java.util.List;
import java.util.Set;

/** Placeholder until the routes branch lands. */
public final class Routes {
    private final AccountName only;

    private Routes(AccountName only) {
        this.only = only;
    }

    public static Routes parse(String text, Set<AccountName> accounts) {
        return new Routes(accounts.iterator().next());
    }

    public static Routes everythingTo(AccountName account) {
        return new Routes(account);
    }

    public Route route(Alert alert) {
        return new Route.To(List.of(only), "any -> " + only);
    }

    public String describe() {
        return "* -> " + only;
    }
}
