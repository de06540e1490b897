package io.tvbridge.broker.paper;

import io.tvbridge.broker.spi.BrokerConfig;
import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.ConfigKey;
import java.math.BigDecimal;
import java.util.List;

/**
 * The paper broker's settings.
 *
 * @param commissionPerOrder a flat fee per fill
 * @param commissionPerUnit  a fee per unit filled (per share, per contract)
 * @param commissionPercent  a fee in percent of the fill's notional value
 * @param slippageBps        how far fills are moved against the order, in basis points of the price
 * @param leverage           gross position value allowed per unit of equity (1 = a cash account)
 * @param fractional         whether stocks may be bought in fractions (crypto always may)
 * @param rates              exchange rates for instruments priced in another currency than the account's
 */
public record PaperConfig(BigDecimal startingCash, String currency, BigDecimal commissionPerOrder,
                          BigDecimal commissionPerUnit, BigDecimal commissionPercent, BigDecimal slippageBps,
                          BigDecimal leverage, boolean fractional, PaperRates rates) {

    static final List<ConfigKey> KEYS = List.of(
            ConfigKey.optional("starting-cash", "100000", "cash the simulated account starts with"),
            ConfigKey.optional("currency", "USD", "the account's currency"),
            ConfigKey.optional("commission-per-order", "0", "flat commission charged per fill"),
            ConfigKey.optional("commission-per-unit", "0", "commission per unit filled (share, contract, coin)"),
            ConfigKey.optional("commission-percent", "0", "commission in percent of a fill's value"),
            ConfigKey.optional("slippage-bps", "0", "fills are moved this many basis points against the order"),
            ConfigKey.optional("leverage", "1", "gross position value allowed per unit of equity (1 = cash account)"),
            ConfigKey.optional("fractional", "false", "allow fractional quantities for stocks (crypto always)"),
            ConfigKey.optional("rates", PaperRates.DEFAULTS, "exchange rates as pairs, EURUSD=1.08,USDJPY=150: what"
                    + " an instrument priced in another currency is worth in the account's (the last price seen of"
                    + " a pair wins)"));

    public static PaperConfig from(BrokerConfig config) throws BrokerException {
        config.validated();
        PaperConfig paper = new PaperConfig(config.decimal("starting-cash"), config.require("currency"),
                config.decimal("commission-per-order"), config.decimal("commission-per-unit"),
                config.decimal("commission-percent"), config.decimal("slippage-bps"), config.decimal("leverage"),
                config.bool("fractional"), PaperRates.parse(config.require("rates"),
                config.environmentName("rates")));
        if (paper.startingCash().signum() < 0 || paper.commissionPerOrder().signum() < 0
                || paper.commissionPerUnit().signum() < 0 || paper.commissionPercent().signum() < 0
                || paper.slippageBps().signum() < 0) {
            throw new BrokerException(BrokerException.Kind.CONFIGURATION,
                    "paper broker cash, commissions and slippage must not be negative");
        }
        if (paper.leverage().signum() <= 0) {
            throw new BrokerException(BrokerException.Kind.CONFIGURATION,
                    config.environmentName("leverage") + " must be greater than zero");
        }
        return paper;
    }

    public static PaperConfig defaults() {
        return new PaperConfig(new BigDecimal("100000"), "USD", BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ONE, false, defaultRates());
    }

    private static PaperRates defaultRates() {
        try {
            return PaperRates.parse(PaperRates.DEFAULTS, "rates");
        } catch (BrokerException e) {
            throw new IllegalStateException("the default paper rates do not parse", e);
        }
    }
}
