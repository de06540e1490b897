package io.tvbridge.broker.oanda.fake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * OANDA replies kept under {@code src/test/resources/oanda/}: the shapes, field names and JSON
 * types of OANDA's v20 answers (numbers as strings, ids as strings, {@code userID} a number),
 * with values of our own.
 */
public final class OandaFixtures {
    public static final String ACCOUNT = "101-004-8765432-001";

    private OandaFixtures() {
    }

    /** The fixture {@code name} ({@code order-market-filled}), as text. */
    public static String json(String name) {
        return text(name + ".json");
    }

    /** A stream body, one JSON object per line ({@code transactions-stream}). */
    public static String lines(String name) {
        return text(name + ".jsonl");
    }

    private static String text(String file) {
        String resource = "/oanda/" + file;
        try (InputStream in = OandaFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
