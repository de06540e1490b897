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
    public record Answers(String decision, Optional<String> dialect, List<Answer> orders) {
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
     * Several orders: 200 with each order's answer once any was stored (an order not decided says so
     * and may be sent again alone), 503 when none could be.
     */
    private static WebhookReply several(SignalService.Received received) {
        Optional<String> dialect = received.reading().map(r -> r.dialect().wireName());
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < received.outcomes().size(); i++) {
            Outcome outcome = received.outcomes().get(i);
            int index = i;
            Optional<Map<String, String>> read = received.reading().map(r -> AlertSummary.of(r.alerts().get(index)));
            answers.add(answer(outcome, dialect, read).orElseGet(() -> new Answer(0, "unavailable",
                    Optional.of(outcome instanceof Outcome.Unavailable unavailable ? unavailable.message()
                            : ((Outcome.Refused) outcome).message()),
                    Optional.empty(), List.of(), Optional.empty(), dialect, read)));
        }
        if (answers.stream().allMatch(answer -> answer.decision().equals("unavailable"))) {
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
