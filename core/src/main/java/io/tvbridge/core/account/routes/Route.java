package io.tvbridge.core.account.routes;

import io.tvbridge.core.account.AccountName;
import java.util.List;
import java.util.Objects;

/** Where one alert goes: to some of the daemon's accounts, or nowhere, with the reason in a trader's words. */
public sealed interface Route {

    /** To these accounts, in order, each once; {@code why} names the rules (or the alert) that chose them. */
    record To(List<AccountName> accounts, String why) implements Route {
        public To {
            accounts = List.copyOf(accounts);
            Objects.requireNonNull(why, "why");
            if (accounts.isEmpty()) {
                throw new IllegalArgumentException("a route goes to at least one account");
            }
            if (accounts.stream().distinct().count() != accounts.size()) {
                throw new IllegalArgumentException("a route names each account once: " + accounts);
            }
        }
    }

    /** To no account: the alert is refused for {@code reason}. */
    record Refused(String reason) implements Route {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
