package io.tvbridge.core.model;

import io.tvbridge.broker.spi.model.ClientOrderId;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Client order ids: {@code tvb-<installation>-<signal>-<leg>}, e.g. {@code tvb-k3x9q-42-1}.
 * The installation part is random and made once per database, so a fresh database never
 * reuses an id that an older one already sent to the same broker account.
 */
public final class OrderIds {
    /** The system property that holds the database's installation id. */
    public static final String INSTALLATION_PROPERTY = "installation.id";
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final Pattern INSTALLATION = Pattern.compile("[a-z2-9]{5,12}");

    private final String installation;

    public OrderIds(String installation) {
        Objects.requireNonNull(installation, "installation");
        if (!INSTALLATION.matcher(installation).matches()) {
            throw new IllegalArgumentException("not an installation id: " + installation);
        }
        this.installation = installation;
    }

    public static String newInstallationId() {
        SecureRandom random = new SecureRandom();
        StringBuilder id = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    public ClientOrderId forSignal(long signalId, int leg) {
        return ClientOrderId.of("tvb-" + installation + "-" + signalId + "-" + leg);
    }

    /**
     * The leg of an order's id ({@code 2} in {@code tvb-k3x9q-42-2}): the place of the order in its
     * signal's plan, which a shadow's copy of the signal keeps. Empty for an id of another shape
     * (a bracket's child, {@code tvb-k3x9q-42-1.tp}).
     */
    public static OptionalInt legOf(ClientOrderId id) {
        String value = id.value();
        int dash = value.lastIndexOf('-');
        String leg = value.substring(dash + 1);
        if (!value.startsWith("tvb-") || leg.isEmpty() || !leg.chars().allMatch(Character::isDigit)
                || leg.length() > 9) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(leg));
    }

    public String installation() {
        return installation;
    }
}
