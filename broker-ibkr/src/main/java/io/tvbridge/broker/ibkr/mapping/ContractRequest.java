package io.tvbridge.broker.ibkr.mapping;

import io.tvbridge.broker.ibkr.codec.IbContract;
import io.tvbridge.broker.spi.model.AssetClass;
import java.util.Objects;

/**
 * What to ask IB about a TradingView symbol: the contract to look up, its asset class, and
 * for a continuous future ({@code ES1!}) which expiry in line ({@code 1} is the front).
 */
public record ContractRequest(IbContract contract, AssetClass assetClass, int continuousIndex) {
    public ContractRequest {
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(assetClass, "assetClass");
    }

    public boolean continuous() {
        return continuousIndex > 0;
    }
}
