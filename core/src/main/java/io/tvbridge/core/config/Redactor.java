package io.tvbridge.core.config;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** Masks the configured secrets wherever text leaves the process: logs, stored payloads, error replies. */
public final class Redactor {
    public static final String MASK = "***";
    /** Secrets shorter than this are not searched for: masking "a" would mangle every text. */
    private static final int MIN_LENGTH = 4;

    private final List<String> secrets;

    public Redactor(Collection<String> secrets) {
        this.secrets = secrets.stream().filter(Objects::nonNull).filter(s -> s.length() >= MIN_LENGTH).toList();
    }

    public String redact(String text) {
        String result = text;
        for (String secret : secrets) {
            if (result.contains(secret)) {
                result = result.replace(secret, MASK);
            }
        }
        return result;
    }
}
