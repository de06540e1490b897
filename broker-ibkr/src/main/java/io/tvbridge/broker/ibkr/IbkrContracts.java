package io.tvbridge.broker.ibkr;

import io.tvbridge.broker.ibkr.codec.IbContract;
import io.tvbridge.broker.ibkr.codec.IbContractDetails;
import io.tvbridge.broker.ibkr.mapping.ContractRequest;
import io.tvbridge.broker.ibkr.mapping.IbkrSymbols;
import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.model.AssetClass;
import io.tvbridge.broker.spi.model.Instrument;
import io.tvbridge.broker.spi.model.InstrumentRef;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the IB contract for a TradingView symbol with a contract-details request, and keeps
 * the answer. A continuous future ({@code ES1!}) resolves to the contract that is its n-th
 * expiry after skipping those within {@code rollDays} of their last trade date; that choice
 * is kept until the day the front contract rolls.
 */
final class IbkrContracts {
    private static final ZoneId EXCHANGE_ZONE = ZoneId.of("America/New_York");

    /** A resolved contract with the rules orders are checked against. */
    record Resolved(IbContract contract, IbContractDetails details, Instrument instrument, Optional<LocalDate> rollOn) {
    }

    /** Asks TWS for the contract details matching a contract. */
    interface Lookup {
        List<IbContractDetails> details(IbContract contract) throws BrokerException;
    }

    private final IbkrSymbols symbols;
    private final int rollDays;
    private final Clock clock;
    private final Lookup lookup;
    private final Map<String, Resolved> bySymbol = new ConcurrentHashMap<>();
    private final Map<Integer, Resolved> byConId = new ConcurrentHashMap<>();

    IbkrContracts(IbkrSymbols symbols, int rollDays, Clock clock, Lookup lookup) {
        this.symbols = symbols;
        this.rollDays = rollDays;
        this.clock = clock;
        this.lookup = lookup;
    }

    Resolved resolve(InstrumentRef ref) throws BrokerException {
        LocalDate today = LocalDate.ofInstant(clock.instant(), EXCHANGE_ZONE);
        Resolved known = bySymbol.get(ref.toString());
        if (known != null && known.rollOn().map(day -> today.isBefore(day)).orElse(true)) {
            return known;
        }
        ContractRequest request = symbols.request(ref);
        List<IbContractDetails> matches = lookup.details(request.contract());
        if (matches.isEmpty()) {
            throw new BrokerException(BrokerException.Kind.REJECTED, "IB knows no contract for " + ref
                    + " (looked for " + describe(request.contract()) + ")");
        }
        IbContractDetails chosen = request.continuous() ? front(matches, request.continuousIndex(), today, ref)
                : best(matches, request.contract());
        Resolved resolved = resolved(chosen, request.assetClass(), request.continuous() ? rollDate(chosen)
                : Optional.empty());
        bySymbol.put(ref.toString(), resolved);
        byConId.put(resolved.contract().conId(), resolved);
        return resolved;
    }

    /** The contract behind an instrument this broker resolved (its venue symbol is the conId), even after a restart. */
    Resolved byInstrument(Instrument instrument) throws BrokerException {
        int conId;
        try {
            conId = Integer.parseInt(instrument.venueSymbol());
        } catch (NumberFormatException e) {
            throw new BrokerException(BrokerException.Kind.INVALID_REQUEST, "the instrument " + instrument.symbol()
                    + " was not resolved by the IBKR broker");
        }
        Resolved known = byConId.get(conId);
        if (known != null) {
            return known;
        }
        List<IbContractDetails> matches = lookup.details(IbContract.of("", "", "", "").withConId(conId));
        if (matches.isEmpty()) {
            throw new BrokerException(BrokerException.Kind.REJECTED, "IB no longer knows contract " + conId);
        }
        Resolved resolved = resolved(matches.get(0), instrument.assetClass(), Optional.empty());
        byConId.put(conId, resolved);
        return resolved;
    }

    private IbContractDetails front(List<IbContractDetails> matches, int index, LocalDate today, InstrumentRef ref)
            throws BrokerException {
        List<IbContractDetails> live = matches.stream()
                .filter(d -> rollDate(d).map(roll -> today.isBefore(roll)).orElse(false))
                .sorted(Comparator.comparing(d -> expiry(d).orElseThrow()))
                .toList();
        if (live.size() < index) {
            throw new BrokerException(BrokerException.Kind.REJECTED, "IB lists " + live.size() + " contracts of "
                    + ref.symbol() + " that are more than " + rollDays + " days from expiry; " + ref.symbol()
                    + " needs " + index);
        }
        return live.get(index - 1);
    }

    /** Of several answers, the one whose primary exchange and currency match what was asked. */
    private static IbContractDetails best(List<IbContractDetails> matches, IbContract asked) {
        return matches.stream()
                .filter(d -> asked.primaryExch().isEmpty() || asked.primaryExch().equals(d.contract().primaryExch()))
                .filter(d -> asked.currency().isEmpty() || asked.currency().equals(d.contract().currency()))
                .findFirst().orElse(matches.get(0));
    }

    private Optional<LocalDate> rollDate(IbContractDetails details) {
        return expiry(details).map(day -> day.minusDays(rollDays));
    }

    private static Optional<LocalDate> expiry(IbContractDetails details) {
        String lastTrade = !details.contract().lastTradeDate().isBlank() ? details.contract().lastTradeDate()
                : !details.realExpirationDate().isBlank() ? details.realExpirationDate()
                : details.contract().lastTradeDateOrContractMonth();
        return IbkrSymbols.expiryDate(lastTrade);
    }

    private Resolved resolved(IbContractDetails details, AssetClass assetClass, Optional<LocalDate> rollOn) {
        IbContract contract = details.contract();
        BigDecimal multiplier = positiveOr(contract.multiplier().isBlank() ? null : new BigDecimal(contract.multiplier()),
                BigDecimal.ONE);
        BigDecimal increment = positiveOr(details.sizeIncrement(), BigDecimal.ONE);
        Instrument instrument = new Instrument(IbkrSymbols.tradingViewSymbol(contract),
                IbkrSymbols.assetClassOf(contract.secType()) == AssetClass.STOCK ? assetClass
                        : IbkrSymbols.assetClassOf(contract.secType()),
                contract.exchange(), contract.currency(),
                contract.secType().equals("FUT") ? IbkrSymbols.expiryDate(contract.lastTradeDateOrContractMonth())
                        : Optional.empty(),
                multiplier, positiveOr(details.minTick(), new BigDecimal("0.01")), increment,
                positiveOr(details.minSize(), increment), Integer.toString(contract.conId()));
        // orders name the contract by conId and the exchange it is routed to
        IbContract routed = contract.secType().equals("STK") ? IbContract.of(contract.symbol(), "STK", "SMART",
                contract.currency()).withConId(contract.conId()).withPrimaryExch(contract.primaryExch()) : contract;
        return new Resolved(routed, details, instrument, rollOn);
    }

    private static BigDecimal positiveOr(BigDecimal value, BigDecimal fallback) {
        return value != null && value.signum() > 0 ? value : fallback;
    }

    private static String describe(IbContract contract) {
        return contract.secType() + " " + contract.symbol() + " on " + contract.exchange() + " in "
                + contract.currency() + (contract.lastTradeDateOrContractMonth().isEmpty() ? ""
                : " expiring " + contract.lastTradeDateOrContractMonth());
    }
}
