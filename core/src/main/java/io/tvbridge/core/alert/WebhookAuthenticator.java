package io.tvbridge.core.alert;

import io.tvbridge.core.config.SecretMatcher;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that an alert comes from the trader: either the body carries the shared secret,
 * or a signature header holds the HMAC-SHA256 of the raw body keyed with that secret.
 * Every comparison takes the same time whatever the input, so the secret cannot be guessed
 * byte by byte from response times.
 */
public final class WebhookAuthenticator {
    private static final String HMAC = "HmacSHA256";

    private final byte[] secret;
    private final SecretMatcher matcher;

    public WebhookAuthenticator(String secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.isBlank()) {
            throw new IllegalArgumentException("the webhook secret is empty");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.matcher = new SecretMatcher(secret);
    }

    /**
     * Checks the signature header when one is given (it then decides alone), otherwise the
     * body's secret.
     *
     * @param signatureHeader the value of {@code X-Signature} or {@code X-TradingView-Signature} (read the
     *                        same way): {@code sha256=<hex>} or bare hex
     */
    public void check(byte[] rawBody, Optional<String> signatureHeader, Optional<String> bodySecret)
            throws AlertProblem {
        if (signatureHeader.isPresent()) {
            checkSignature(rawBody, signatureHeader.get());
            return;
        }
        String given = bodySecret.orElseThrow(() -> AlertProblem.unauthorized(
                "the secret is missing: add \"secret\": \"<your WEBHOOK_SECRET>\" to the alert message"));
        if (!matcher.matches(given)) {
            throw AlertProblem.unauthorized("the secret is wrong: it must equal WEBHOOK_SECRET");
        }
    }

    /**
     * Checks the secret given in the webhook's path ({@code /webhook/<secret>}), for messages that
     * cannot carry one (TradingView's default message, most other products' formats). The
     * comparison takes the same time whatever is given.
     */
    public void checkPathSecret(String given) throws AlertProblem {
        if (!matcher.matches(given)) {
            throw AlertProblem.unauthorized("the secret in the webhook's path is wrong: it must equal WEBHOOK_SECRET");
        }
    }

    /** {@code sha256=<hex>} for a body, as a client puts it in {@code X-Signature}. */
    public String sign(byte[] rawBody) {
        return "sha256=" + HexFormat.of().formatHex(hmac(rawBody));
    }

    private void checkSignature(byte[] rawBody, String header) throws AlertProblem {
        String value = header.strip();
        if (value.toLowerCase(Locale.ROOT).startsWith("sha256=")) {
            value = value.substring("sha256=".length());
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(value.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw AlertProblem.unauthorized("the signature header is not 'sha256=<hex>'");
        }
        if (!MessageDigest.isEqual(given, hmac(rawBody))) {
            throw AlertProblem.unauthorized("the signature does not match the body (HMAC-SHA256 with WEBHOOK_SECRET)");
        }
    }

    private byte[] hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret, HMAC));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookAuthenticator[secret=***]";
    }
}
