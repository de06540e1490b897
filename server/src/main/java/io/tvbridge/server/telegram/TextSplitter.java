package io.tvbridge.server.telegram;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a text into messages Telegram takes: at most 4,096 characters each. Cuts fall on line
 * breaks where there are some, else on spaces, else anywhere (but never inside a surrogate pair).
 */
final class TextSplitter {
    /** Telegram's limit, counted after entities are parsed; plain text is sent, so it is the text's length. */
    static final int TELEGRAM_LIMIT = 4096;

    private TextSplitter() {
    }

    static List<String> split(String text, int limit) {
        if (limit < 2) {
            throw new IllegalArgumentException("a message holds at least two characters");
        }
        List<String> parts = new ArrayList<>();
        String rest = text;
        while (rest.length() > limit) {
            int cut = rest.lastIndexOf('\n', limit);
            if (cut <= 0) {
                cut = rest.lastIndexOf(' ', limit);
            }
            if (cut <= 0) {
                cut = Character.isHighSurrogate(rest.charAt(limit - 1)) ? limit - 1 : limit;
                parts.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            } else {
                parts.add(rest.substring(0, cut));
                rest = rest.substring(cut + 1);   // the line break or space itself is dropped
            }
        }
        if (!rest.isEmpty() || parts.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }
}
