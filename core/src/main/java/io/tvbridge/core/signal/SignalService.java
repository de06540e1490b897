package io.tvbridge.core.signal;

import io.tvbridge.core.alert.Alert;
import io.tvbridge.core.alert.AlertAction;
import io.tvbridge.core.alert.AlertBody;
import io.tvbridge.core.alert.AlertFreshness;
import io.tvbridge.core.alert.AlertProblem;
import io.tvbridge.core.alert.AlertReader;
import io.tvbridge.core.alert.WebhookAuthenticator;
import io.tvbridge.core.config.Redactor;
import io.tvbridge.core.metrics.BridgeMetrics;
import io.tvbridge.core.model.Outcome;
import io.tvbridge.core.settings.SizingRule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The webhook's way in: size, parse, authenticate, validate on the caller's thread, then the
 * {@link DecisionStage} stores and decides. Nothing here throws for any input: every request
 * ends in an {@link Outcome}.
 */
public final class SignalService {
    public static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Duration DECISION_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_HEADER_STORED = 100;

    private final WebhookAuthenticator authenticator;
    private final DecisionStage decisions;
    private final Redactor redactor;
    private final AlertFreshness freshness;
    private final BridgeMetrics metrics;

    public SignalService(WebhookAuthenticator authenticator, DecisionStage decisions, Redactor redactor,
                         BridgeMetrics metrics) {
        this(authenticator, decisions, redactor, AlertFreshness.OFF, metrics);
    }

    public SignalService(WebhookAuthenticator authenticator, DecisionStage decisions, Redactor redactor,
                         AlertFreshness freshness, BridgeMetrics metrics) {
        this.authenticator = authenticator;
        this.decisions = decisions;
        this.redactor = redactor;
        this.freshness = freshness;
        this.metrics = metrics;
    }

    /** Whether an alert's strategy takes its quantity from the alert (then the alert must give one). */
    private boolean quantityFromAlert(Alert alert) {
        return decisions.settings().sizingFor(alert.strategy()).mode() == SizingRule.Mode.QUANTITY;
    }

    public Outcome accept(RawWebhook webhook) {
        Outcome outcome = handle(webhook);
        metrics.signal(outcome);
        return outcome;
    }

    private Outcome handle(RawWebhook webhook) {
        SignalCandidate candidate;
        try {
            candidate = check(webhook);
        } catch (AlertProblem problem) {
            return new Outcome.Refused(problem.kind(), problem.field(), redactor.redact(problem.getMessage()));
        }
        long start = System.nanoTime();
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

    private SignalCandidate check(RawWebhook webhook) throws AlertProblem {
        byte[] body = webhook.body();
        if (body.length > MAX_BODY_BYTES) {
            throw new AlertProblem(AlertProblem.Kind.TOO_LARGE, null,
                    "the body is larger than " + MAX_BODY_BYTES / 1024 + " KiB");
        }
        if (webhook.signature().isPresent()) {
            authenticator.check(body, webhook.signature(), Optional.empty());
        }
        AlertBody fields = AlertBody.parse(body);
        if (webhook.signature().isEmpty()) {
            authenticator.check(body, webhook.signature(), AlertReader.secret(fields));
        }
        // the alert is read from the text as stored, every secret masked: a secret pasted into another
        // field (a symbol, a comment) must not reach an order, the log or the database
        String text = new String(body, StandardCharsets.UTF_8);
        String payload = redactor.redact(text);
        if (!payload.equals(text)) {
            fields = AlertBody.parse(payload.getBytes(StandardCharsets.UTF_8));
        }
        Alert alert = AlertReader.read(fields);
        freshness.check(alert, webhook.receivedAt());
        if (alert.quantity().isEmpty() && (alert.action() == AlertAction.BUY || alert.action() == AlertAction.SELL)
                && quantityFromAlert(alert)) {
            throw AlertProblem.invalid("quantity", "the quantity is missing: add \"quantity\" to the alert"
                    + " (for strategies: \"{{strategy.order.contracts}}\")");
        }
        return new SignalCandidate(alert, sha256(payload), payload, webhook.contentType().map(SignalService::clip),
                webhook.sourceAddress().map(SignalService::clip), webhook.receivedAt());
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
