package io.tvbridge.broker.oanda.codec;

/** OANDA's transaction and order ids: positive whole numbers written as text ({@code "6411"}). */
public final class OandaIds {
    private OandaIds() {
    }

    /** The id as a number; a malformed id is a protocol error. */
    public static long number(String id) {
        try {
            long value = Long.parseLong(id);
            if (value < 0) {
                throw new NumberFormatException(id);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new OandaProtocolException("not an OANDA transaction id: '" + id + "'");
        }
    }

    /** The larger of two ids, comparing numerically ("10" is after "9"). */
    public static String later(String a, String b) {
        return number(a) >= number(b) ? a : b;
    }
}
