package io.tvbridge.broker.ibkr.codec;

import java.math.BigDecimal;

/**
 * How values look on the wire. Outgoing numbers are plain decimals without exponent or
 * trailing zeros, and "unset" is an empty field. Incoming numbers are read leniently: TWS
 * prints Java doubles ({@code 0.0}, {@code 1.7976931348623157E308}) and uses the largest int,
 * long and double as "unset" (§1.5 of the protocol notes).
 */
public final class TwsValues {
    public static final String UNSET_INT = "2147483647";
    public static final String UNSET_LONG = "9223372036854775807";
    private static final double UNSET_DOUBLE = Double.MAX_VALUE;

    private TwsValues() {
    }

    /** A decimal as TWS expects it: {@code 412.35}, {@code 156}, {@code 0}; null is unset. */
    public static String decimal(BigDecimal value) {
        if (value == null) {
            return "";
        }
        if (value.signum() == 0) {
            return "0";
        }
        return value.stripTrailingZeros().toPlainString();
    }

    /** An incoming decimal; empty and the unset sentinels give null. */
    public static BigDecimal parseDecimal(String text) {
        String value = text.strip().replace(",", "");
        if (value.isEmpty() || value.equals(UNSET_INT) || value.equals(UNSET_LONG)
                || value.equals("-9223372036854775808") || value.equals("1.7976931348623157E308")
                || value.equalsIgnoreCase("Infinity") || value.equalsIgnoreCase("-Infinity")
                || value.equalsIgnoreCase("NaN")) {
            return null;
        }
        try {
            BigDecimal parsed = new BigDecimal(value);
            if (parsed.compareTo(BigDecimal.valueOf(UNSET_DOUBLE)) >= 0) {
                return null;
            }
            return clean(parsed);
        } catch (NumberFormatException e) {
            throw new TwsProtocolException("not a number: '" + text + "'", e);
        }
    }

    /** An incoming double as a decimal, including {@code Infinity} (kept as null: no finite value). */
    public static BigDecimal parseDouble(String text) {
        return parseDecimal(text);
    }

    /** An incoming int; empty is 0, the unset sentinel is {@link Integer#MAX_VALUE}. */
    public static int parseInt(String text) {
        String value = text.strip();
        if (value.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new TwsProtocolException("not an int: '" + text + "'", e);
        }
    }

    public static long parseLong(String text) {
        String value = text.strip();
        if (value.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new TwsProtocolException("not a long: '" + text + "'", e);
        }
    }

    public static boolean parseBool(String text) {
        String value = text.strip();
        return !value.isEmpty() && !value.equals("0") && !value.equalsIgnoreCase("false");
    }

    /** TWS escapes non-ASCII text as {@code \}{@code uXXXX}; this undoes it. */
    public static String unescape(String text) {
        if (text.indexOf("\\u") < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == 'u' && isHex(text, i + 2, 4)) {
                out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isHex(String text, int from, int count) {
        if (from + count > text.length()) {
            return false;
        }
        for (int i = from; i < from + count; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    static BigDecimal clean(BigDecimal value) {
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
