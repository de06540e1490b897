package io.tvbridge.core.account.routes;

import java.util.Objects;
import java.util.regex.Pattern;

/** A name pattern of {@code ROUTES}: {@code *} any run of characters, {@code ?} one, the rest literal, in any case. */
final class Glob {
    private final String text;
    private final Pattern pattern;

    Glob(String text) {
        this.text = Objects.requireNonNull(text, "text").strip();
        if (this.text.isEmpty()) {
            throw new IllegalArgumentException("the pattern is empty");
        }
        StringBuilder regex = new StringBuilder();
        for (char c : this.text.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        this.pattern = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    boolean matches(String name) {
        return pattern.matcher(name).matches();
    }

    boolean contains(char c) {
        return text.indexOf(c) >= 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
