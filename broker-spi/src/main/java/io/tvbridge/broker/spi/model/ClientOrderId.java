package io.tvbridge.broker.spi.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * tvbridge's own identifier of one order, unique and stable for the life of the installation.
 *
 * <p>Every broker carries it to the venue (Interactive Brokers {@code orderRef}, OANDA
 * {@code clientExtensions.id}, the paper broker's journal) so that after a crash, a restart
 * or a reconnect the order can be found with {@link io.tvbridge.broker.spi.Broker#lookup}
 * instead of being sent twice. It is 1 to 64 characters of letters, digits and {@code . _ : -}.
 */
public record ClientOrderId(String value) implements Comparable<ClientOrderId> {
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    public ClientOrderId {
        Objects.requireNonNull(value, "value");
        if (!ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "client order id must be 1-64 letters, digits or . _ : - but was: " + value);
        }
    }

    public static ClientOrderId of(String value) {
        return new ClientOrderId(value);
    }

    /** The suffix of the take-profit order attached to an entry ({@code <entry>.tp}). */
    public static final String TAKE_PROFIT = "tp";
    /** The suffix of the stop-loss order attached to an entry ({@code <entry>.sl}). */
    public static final String STOP_LOSS = "sl";

    /**
     * The id of an order a broker places on behalf of this one: a bracket's take-profit
     * ({@link #TAKE_PROFIT}) and stop-loss ({@link #STOP_LOSS}) children report their updates
     * and fills under {@code <this id>.<suffix>}.
     */
    public ClientOrderId child(String suffix) {
        return new ClientOrderId(value + "." + suffix);
    }

    @Override
    public int compareTo(ClientOrderId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
