package io.tvbridge.core.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * Tells whether a presented secret equals the configured one. Both are hashed first and the
 * hashes compared with {@link MessageDigest#isEqual}, so the time taken depends neither on where
 * they differ nor on their lengths, and the secret cannot be guessed byte by byte.
 */
public final class SecretMatcher {
    private final byte[] digest;

    public SecretMatcher(String secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.isBlank()) {
            throw new IllegalArgumentException("the secret is empty");
        }
        this.digest = sha256(secret.getBytes(StandardCharsets.UTF_8));
    }

    public boolean matches(String given) {
        return given != null && MessageDigest.isEqual(sha256(given.getBytes(StandardCharsets.UTF_8)), digest);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "SecretMatcher[***]";
    }
}
