package io.tvbridge.core.signal;

import io.tvbridge.broker.spi.model.InstrumentRef;
import io.tvbridge.core.alert.Alert;
import io.tvbridge.core.alert.AlertAction;
import io.tvbridge.core.alert.AlertBody;
import io.tvbridge.core.alert.AlertDialects;
import io.tvbridge.core.alert.AlertFreshness;
import io.tvbridge.core.alert.AlertProblem;
import io.tvbridge.core.alert.AlertReader;
import io.tvbridge.core.alert.AlertReading;
import io.tvbridge.core.alert.AlertSummary;
import io.tvbridge.core.alert.ContractExpiry;
import io.tvbridge.core.alert.WebhookAuthenticator;
import io.tvbridge.core.config.Redactor;
import io.tvbridge.core.metrics.BridgeMetrics;
import io.tvbridge.core.model.Outcome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The webhook's way in: size, parse, authenticate, validate on the caller's thread, then the
 * {@link SignalIntake} stores and decides (the engine; on a standby, the shared database for the
 * instance that trades). Nothing here throws for any input: every request ends in an
 * {@link Outcome}.
 */
public final class SignalService {
    public static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Duration DECISION_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_HEADER_STORED = 100;

    private final WebhookAuthenticator authenticator;
    private final SignalIntake decisions;
    private final Redactor redactor;
    private final AlertFreshness freshness;
    private final BridgeMetrics metrics;
    /** Readies an alert's instrument for the engine (its currency, margin rate, rate) before it is decided. */
    private final Consumer<InstrumentRef> prepare;

    public SignalService(WebhookAuthenticator authenticator, SignalIntake decisions, Redactor redactor,
                         BridgeMetrics metrics) {
        this(authenticator, decisions, redactor, AlertFreshness.OFF, metrics);
    }

    public SignalService(WebhookAuthenticator authenticator, SignalIntake decisions, Redactor redactor,
                         AlertFreshness freshness, BridgeMetrics metrics) {
        this(authenticator, decisions, redactor, freshness, metrics, ref -> { });
    }

    public SignalService(WebhookAuthenticator authenticator, SignalIntake decisions, Redactor redactor,
                         AlertFreshness freshness, BridgeMetrics metrics, Consumer<InstrumentRef> prepare) {
        this.authenticator = authenticator;
        this.decisions = decisions;
        this.redactor = redactor;
        this.freshness = freshness;
        this.metrics = metrics;
        this.prepare = prepare;
    }

    /** Whether an alert's strategy takes its quantity from the alert (then the alert must give one). */
    private boolean quantityFromAlert(Alert alert) {
        return decisions.needsQuantity(alert);
    }

    /**
     * What became of a webhook: one outcome per order its message asks for (several for a JSON
     * array; one refusal when the message as a whole is refused), with what it was read as (absent
     * when it could not be read).
     */
    public record Received(List<Outcome> outcomes, Optional<AlertReading> reading) {
        public Received {
            outcomes = List.copyOf(outcomes);
            Objects.requireNonNull(reading, "reading");
            if (outcomes.isEmpty()) {
                throw new IllegalArgumentException("a webhook has at least one outcome");
            }
        }

        /** The outcome of the first (usually the only) order. */
        public Outcome outcome() {
            return outcomes.get(0);
        }
    }

    public Outcome accept(RawWebhook webhook) {
        return receive(webhook).outcome();
    }

    public Received receive(RawWebhook webhook) {
        Received received = handle(webhook);
        received.outcomes().forEach(metrics::signal);
        return received;
    }

    /**
     * Reads and checks every order of the message before any is decided, so that a message with one
     * bad order stores none; then decides them one after the other, in the message's order.
     */
    private Received handle(RawWebhook webhook) {
        AlertReading reading;
        List<SignalCandidate> candidates = new ArrayList<>();
        try {
            reading = check(webhook);
            for (int i = 0; i < reading.alerts().size(); i++) {
                candidates.add(candidate(webhook, reading, i));
            }
        } catch (AlertProblem problem) {
            return new Received(List.of(new Outcome.Refused(problem.kind(), problem.field(),
                    redactor.redact(problem.getMessage()))), Optional.empty());
        }
        return new Received(candidates.stream().map(this::decide).toList(), Optional.of(reading));
    }

    private Outcome decide(SignalCandidate candidate) {
        long start = System.nanoTime();
        candidate.alert().instrument().ifPresent(prepare);
        try {
            Outcome decided = decisions.decide(candidate).get(DECISION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            metrics.decisionTime(System.nanoTime() - start);
            return decided;
        } catch (TimeoutException e) {
            // it may still be stored; a resend is then recognised as a duplicate
            return new Outcome.Unavailable("no decision within " + DECISION_TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            return new Outcome.Unavailable("the alert could not be processed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Unavailable("tvbridge is shutting down");
        }
    }

    /**
     * What {@code body} would do if it came to the webhook now, without its secret being checked (the
     * caller is the admin) and without storing or sending anything: read it, check it as the webhook
     * does, and let the decision stage plan it against the account as it is.
     */
    public Explanation explain(byte[] body, Instant now) {
        if (body.length > MAX_BODY_BYTES) {
            return Explanation.refused(Optional.empty(), List.of(), "the message is larger than "
                    + MAX_BODY_BYTES / 1024 + " KiB");
        }
        byte[] masked = redactor.redact(new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        AlertReading reading;
        try {
            reading = AlertDialects.read(masked);
        } catch (AlertProblem problem) {
            return Explanation.refused(Optional.empty(), List.of(), problem.getMessage());
        }
        List<Explanation.Order> orders = new ArrayList<>();
        for (int i = 0; i < reading.alerts().size(); i++) {
            Alert alert = reading.alerts().get(i);
            Map<String, String> read = AlertSummary.of(alert);
            try {
                checkCandidate(alert, now);
                alert.instrument().ifPresent(prepare);
                Plan plan = decisions.preview(alert).get(DECISION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                orders.add(new Explanation.Order(reading.fields().get(i), read, plan.decision().wireName(),
                        plan.reason(), plan.orders().stream().map(Explanation::describe).toList()));
            } catch (AlertProblem problem) {
                orders.add(new Explanation.Order(reading.fields().get(i), read, "refused",
                        Optional.of(problem.getMessage()), List.of()));
            } catch (TimeoutException | ExecutionException e) {
                orders.add(new Explanation.Order(reading.fields().get(i), read, "unknown",
                        Optional.of("no decision within " + DECISION_TIMEOUT.toSeconds() + " s"), List.of()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new Explanation(Optional.of(reading.dialect().wireName()), reading.repairs(), orders, Optional.empty());
    }

    /**
     * Size, authenticity and reading: the signature header, else the secret in the webhook's path,
     * else the message's own secret. The message is read from its text with every secret masked:
     * a secret pasted into another field (a symbol, a comment) must not reach an order, the log
     * or the database.
     */
    private AlertReading check(RawWebhook webhook) throws AlertProblem {
        byte[] body = webhook.body();
        if (body.length > MAX_BODY_BYTES) {
            throw new AlertProblem(AlertProblem.Kind.TOO_LARGE, null,
                    "the body is larger than " + MAX_BODY_BYTES / 1024 + " KiB");
        }
        if (webhook.signature().isPresent()) {
            authenticator.check(body, webhook.signature(), Optional.empty());
        } else if (webhook.pathSecret().isPresent()) {
            authenticator.checkPathSecret(webhook.pathSecret().get());
        }
        boolean bodySecret = webhook.signature().isEmpty() && webhook.pathSecret().isEmpty();
        AlertReading reading;
        try {
            reading = AlertDialects.read(body);
        } catch (AlertProblem problem) {
            if (bodySecret) {
                // a sender without the secret learns nothing about why its alert was refused
                authenticateUnread(body);
            }
            throw problem;
        }
        if (bodySecret) {
            authenticator.check(body, Optional.empty(), reading.secret());
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (secretElsewhere(text, reading.secret())) {
            reading = AlertDialects.read(redactor.redact(text).getBytes(StandardCharsets.UTF_8));
        }
        return reading;
    }

    /**
     * Whether a secret shows in the message anywhere but in the one field that carries the
     * message's secret: only then is the message read again with every secret masked (reading it
     * is most of the webhook's work, and the secret field itself never reaches the alert).
     */
    private boolean secretElsewhere(String text, Optional<String> carried) {
        String rest = carried.filter(secret -> !secret.isEmpty())
                .map(secret -> text.replaceFirst(Pattern.quote(secret), "")).orElse(text);
        return !redactor.redact(rest).equals(rest);
    }

    /**
     * Checks the secret of a message the dialects refused, read the plain way; a body that is not
     * even that is refused as unreadable, as it was before any secret could be looked for.
     */
    private void authenticateUnread(byte[] body) throws AlertProblem {
        AlertBody fields;
        try {
            fields = AlertBody.parse(body);
        } catch (AlertProblem unreadable) {
            return;
        }
        authenticator.check(body, Optional.empty(), AlertReader.secret(fields));
    }

    /**
     * The signal of order {@code index} of the message. Every order of an array stores the whole
     * message; each is told from the others by its body hash, so that a resent array is a
     * duplicate order by order.
     */
    private SignalCandidate candidate(RawWebhook webhook, AlertReading reading, int index) throws AlertProblem {
        Alert alert = reading.alerts().get(index);
        String where = reading.alerts().size() > 1 ? "order " + (index + 1) + " of the array: " : "";
        try {
            checkCandidate(alert, webhook.receivedAt());
        } catch (AlertProblem problem) {
            throw where.isEmpty() ? problem
                    : new AlertProblem(problem.kind(), problem.field().orElse(null), where + problem.getMessage());
        }
        String payload = redactor.redact(new String(webhook.body(), StandardCharsets.UTF_8));
        String hash = index == 0 ? sha256(payload) : sha256(payload + "\norder " + (index + 1));
        return new SignalCandidate(alert, hash, payload, webhook.contentType().map(SignalService::clip),
                webhook.sourceAddress().map(SignalService::clip), webhook.receivedAt());
    }

    /** The checks of one read alert before it is decided: its time, its contract, its quantity. */
    private void checkCandidate(Alert alert, Instant receivedAt) throws AlertProblem {
        freshness.check(alert, receivedAt);
        ContractExpiry.check(alert, receivedAt);
        if (alert.quantity().isEmpty() && (alert.action() == AlertAction.BUY || alert.action() == AlertAction.SELL)
                && quantityFromAlert(alert)) {
            throw AlertProblem.invalid("quantity", "the quantity is missing: add \"quantity\" to the alert"
                    + " (for strategies: \"{{strategy.order.contracts}}\")");
        }
    }

    /** A header as stored: only its start when a client sent an absurdly long one (its column is narrow). */
    private static String clip(String header) {
        return header.length() <= MAX_HEADER_STORED ? header : header.substring(0, MAX_HEADER_STORED);
    }

    /** The hex SHA-256 of a stored payload, by which identical alerts are recognised. */
    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
