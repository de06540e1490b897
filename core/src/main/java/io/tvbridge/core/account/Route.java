package io.tvbridge.core.account;

import java.util.List;

/** Placeholder until the routes branch lands. */
public sealed interface Route {
    record To(List<AccountName> accounts, String why) implements Route {
    }

    record Refused(String reason) implements Route {
    }
}
