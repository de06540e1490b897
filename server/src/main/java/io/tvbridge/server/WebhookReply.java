package io.tvbridge.server;

import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.core.alert.AlertReading;
import io.tvbridge.core.alert.AlertSummary;
import io.tvbridge.core.model.Outcome;
import io.tvbridge.core.signal.SignalService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the webhook answers to an alert: the status and the JSON body, from the {@link Outcome}
 * and nowhere else. A 5xx is answered only when nothing was stored, since TradingView resends
 * on 5xx. The answer says which dialect the message was read in and what was read.
 *
 * @param retryAfter seconds for the {@code Retry-After} header, when the client should try again
 */
public record WebhookReply(int status, Object body, Optional<String> retryAfter) {
    /** The answer to an alert. */
    public record Answer(long signalId, String decision, Optional<String> reason, Optional<String> clientOrderId,
                         List<String> clientOrderIds, Optional<Boolean> dryRun, Optional<String> dialect,
                         Optional<Map<String, String>> read) {
    }

    /** The answer to an alert of several orders (a JSON array): one answer per order, in its order. */
    public record Answers(String decision, Optional<String> dialect, List<Object> orders) {
    }

    /**
     * The answer to an alert a daemon of several accounts routed: what became of it in each account
     * ({@code decision} is theirs when they agree, else {@code mixed}), and the routes that sent it.
     */
    public record RoutedAnswer(String decision, String routes, Optional<String> dialect,
                               Optional<Map<String, String>> read, List<AccountAnswer> accounts) {
    }

    /** What became of a routed alert in one account: as {@link Answer}, or why it was not stored there. */
    public record AccountAnswer(String account, Optional<Long> signalId, String decision, Optional<String> reason,
                                Optional<String> clientOrderId, List<String> clientOrderIds,
                                Optional<Boolean> dryRun) {
        static AccountAnswer of(String account, Outcome outcome) {
            Optional<Answer> answer = answer(outcome, Optional.empty(), Optional.empty());
            if (answer.isPresent()) {
                Answer a = answer.get();
                return new AccountAnswer(account, Optional.of(a.signalId()), a.decision(), a.reason(),
                        a.clientOrderId(), a.clientOrderIds(), a.dryRun());
            }
            return new AccountAnswer(account, Optional.empty(), outcome instanceof Outcome.Refused ? "refused"
                    : "unavailable", Optional.of(problem(outcome)), Optional.empty(), List.of(), Optional.empty());
        }
    }

    static WebhookReply error(int status, String reason) {
        return new WebhookReply(status, ErrorBody.of(reason), Optional.empty());
    }

    /** The answer to one alert (or to an action that decides like one, such as flatten). */
    public static WebhookReply of(Outcome outcome) {
        return of(outcome, Optional.empty());
    }

    static WebhookReply of(SignalService.Received received) {
        return received.outcomes().size() > 1 ? several(received) : of(received.outcome(), received.reading());
    }

    private static WebhookReply of(Outcome outcome, Optional<AlertReading> reading) {
        Optional<Map<String, String>> read = reading.filter(r -> r.alerts().size() == 1)
                .map(r -> AlertSummary.of(r.single()));
        if (outcome instanceof Outcome.Routed routed) {
            return routed(routed, reading.map(r -> r.dialect().wireName()), read);
        }
        Optional<Answer> answer = answer(outcome, reading.map(r -> r.dialect().wireName()), read);
        if (answer.isPresent()) {
            return new WebhookReply(200, answer.get(), Optional.empty());
        }
        if (outcome instanceof Outcome.Refused refused) {
            int status = switch (refused.kind()) {
                case MALFORMED, INVALID -> 400;
                case UNAUTHORIZED -> 401;
                case TOO_LARGE -> 413;
            };
            return new WebhookReply(status, new ErrorBody(refused.message(), refused.field()), Optional.empty());
        }
        return new WebhookReply(503, ErrorBody.of(((Outcome.Unavailable) outcome).message()), Optional.of("5"));
    }

    /** The answer of a decided or duplicate alert; empty for a refused or unavailable one. */
    private static Optional<Answer> answer(Outcome outcome, Optional<String> dialect,
                                           Optional<Map<String, String>> read) {
        if (outcome instanceof Outcome.Decided decided) {
            return Optional.of(new Answer(decided.signalId(), decided.decision().wireName(), decided.reason(),
                    first(decided.orders()), ids(decided.orders()),
                    decided.dryRun() ? Optional.of(true) : Optional.empty(), dialect, read));
        }
        if (outcome instanceof Outcome.Duplicate duplicate) {
            return Optional.of(new Answer(duplicate.signalId(), "duplicate", Optional.of(duplicate.reason()),
                    first(duplicate.orders()), ids(duplicate.orders()), Optional.empty(), dialect, read));
        }
        return Optional.empty();
    }

    /**
     * A routed alert: 200 with each account's answer once any account stored it (an account that
     * could not says so; sent again, the alert is a duplicate where it was stored and new where it
     * was not); else as the first account's answer (a refusal, or 503).
     */
    private static WebhookReply routed(Outcome.Routed routed, Optional<String> dialect,
                                       Optional<Map<String, String>> read) {
        if (!routed.storedAnywhere()) {
            return of(routed.accounts().values().iterator().next(), Optional.empty());
        }
        return new WebhookReply(200, routedAnswer(routed, dialect, read), Optional.empty());
    }

    private static RoutedAnswer routedAnswer(Outcome.Routed routed, Optional<String> dialect,
                                             Optional<Map<String, String>> read) {
        List<AccountAnswer> accounts = new ArrayList<>();
        routed.accounts().forEach((account, outcome) -> accounts.add(AccountAnswer.of(account, outcome)));
        List<String> decisions = accounts.stream().map(AccountAnswer::decision).distinct().toList();
        return new RoutedAnswer(decisions.size() == 1 ? decisions.get(0) : "mixed", routed.why(), dialect, read,
                accounts);
    }

    private static String problem(Outcome outcome) {
        return outcome instanceof Outcome.Unavailable unavailable ? unavailable.message()
                : ((Outcome.Refused) outcome).message();
    }

    /**
     * Several orders: 200 with each order's answer once any was stored (an order not decided says so
     * and may be sent again alone), 503 when none could be.
     */
    private static WebhookReply several(SignalService.Received received) {
        Optional<String> dialect = received.reading().map(r -> r.dialect().wireName());
        List<Object> answers = new ArrayList<>();
        boolean stored = false;
        for (int i = 0; i < received.outcomes().size(); i++) {
            Outcome outcome = received.outcomes().get(i);
            int index = i;
            Optional<Map<String, String>> read = received.reading().map(r -> AlertSummary.of(r.alerts().get(index)));
            if (outcome instanceof Outcome.Routed routed) {
                stored |= routed.storedAnywhere();
                answers.add(routedAnswer(routed, dialect, read));
                continue;
            }
            Optional<Answer> answer = answer(outcome, dialect, read);
            stored |= answer.isPresent();
            answers.add(answer.orElseGet(() -> new Answer(0, "unavailable", Optional.of(problem(outcome)),
                    Optional.empty(), List.of(), Optional.empty(), dialect, read)));
        }
        if (!stored) {
            return of(received.outcome());
        }
        return new WebhookReply(200, new Answers("several", dialect, answers), Optional.empty());
    }

    private static Optional<String> first(List<ClientOrderId> orders) {
        return orders.stream().findFirst().map(ClientOrderId::value);
    }

    private static List<String> ids(List<ClientOrderId> orders) {
        return orders.stream().map(ClientOrderId::value).toList();
    }
}
