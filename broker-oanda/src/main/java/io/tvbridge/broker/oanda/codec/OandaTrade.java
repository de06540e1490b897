package io.tvbridge.broker.oanda.codec;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A trade: what one fill opened ({@code GET .../trades/{id}}).
 *
 * @param initialUnits  signed: positive for a long trade, negative for a short one
 * @param clientTradeId the client id the opening order gave the trade
 */
public record OandaTrade(String id, String instrument, BigDecimal initialUnits, Optional<String> clientTradeId) {
    public OandaTrade {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(initialUnits, "initialUnits");
        Objects.requireNonNull(clientTradeId, "clientTradeId");
    }
}
