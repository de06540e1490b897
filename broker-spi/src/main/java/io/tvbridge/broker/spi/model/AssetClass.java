package io.tvbridge.broker.spi.model;

/** The kind of instrument, which decides contract details, trading hours and quantity rules. */
public enum AssetClass {
    STOCK,
    FUTURE,
    FOREX,
    CRYPTO,
    CFD;

    /** Whether quantities are commonly fractional for this class (a broker may still refuse). */
    public boolean fractionalByNature() {
        return switch (this) {
            case CRYPTO -> true;
            case STOCK, FUTURE, FOREX, CFD -> false;
        };
    }
}
