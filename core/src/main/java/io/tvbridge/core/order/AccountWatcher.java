package io.tvbridge.core.order;

import io.tvbridge.core.concurrent.Timers;
import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.model.AccountSnapshot;
import io.tvbridge.broker.spi.model.ConversionRates;
import io.tvbridge.broker.spi.model.Instrument;
import io.tvbridge.broker.spi.model.InstrumentRef;
import io.tvbridge.broker.spi.model.Position;
import io.tvbridge.core.money.Rates;
import io.tvbridge.core.money.Valuation;
import io.tvbridge.core.risk.MarketFacts;
import io.tvbridge.core.routing.BrokerHandle;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the broker for the account's cash, equity and buying power at start and then every
 * {@code interval}, off the decision thread, and passes the answer on (to sizing and the
 * cash checks); with it, the broker's factors from every currency met so far into the account's
 * currency. A failed request leaves the last known snapshot and rates in place.
 *
 * <p>It also readies what the engine needs to value an alert's order before the alert reaches
 * the engine ({@link #prepare}): the first alert of a symbol has the broker resolve it (its
 * currency, multiplier and margin rate), and the first of a currency asks for its rate. The
 * engine receives both as values, in order before the alert, and never waits for the broker.
 */
public final class AccountWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AccountWatcher.class);

    private final BrokerHandle broker;
    private final Consumer<AccountSnapshot> consumer;
    private final Consumer<MarketFacts> facts;
    private final ScheduledExecutorService timer;
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    /** Instruments resolved for the engine, by the symbol alerts name them by. */
    private final Map<String, Instrument> instruments = new ConcurrentHashMap<>();
    /** Every currency met (instruments, positions): the rates asked for at each refresh. */
    private final Set<String> currencies = ConcurrentHashMap.newKeySet();
    /** The currency each symbol met is priced in, for the reports. */
    private final Map<String, String> symbolCurrencies = new ConcurrentHashMap<>();
    private volatile Optional<AccountSnapshot> latest = Optional.empty();
    /** The account's currency and every factor read so far, for the reports. */
    private volatile Rates rates = Rates.UNKNOWN;
    private volatile boolean positionsRead;

    public AccountWatcher(BrokerHandle broker, Duration interval, Consumer<AccountSnapshot> consumer) {
        this(broker, interval, consumer, facts -> { });
    }

    public AccountWatcher(BrokerHandle broker, Duration interval, Consumer<AccountSnapshot> consumer,
                          Consumer<MarketFacts> facts) {
        this.broker = broker;
        this.consumer = consumer;
        this.facts = facts;
        this.timer = Timers.single("tvbridge-account");
        refresh();   // sizing by equity can work from the first signal on
        timer.scheduleWithFixedDelay(this::refresh, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Asks now, in the background; asks made while one waits to run are served by that one (a
     * burst of fills costs one read of the account, not one each).
     */
    public void refreshSoon() {
        if (!refreshQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            timer.execute(() -> {
                refreshQueued.set(false);
                refresh();
            });
        } catch (RejectedExecutionException e) {
            refreshQueued.set(false);   // stopping: the account is asked again at the next start
        }
    }

    /** Asks now and waits for the answer; the snapshot reaches the consumer before this returns. */
    public void refreshNow() {
        refresh();
    }

    public Optional<AccountSnapshot> latest() {
        return latest;
    }

    /** The rates and symbol currencies read so far, as one value. */
    public Valuation valuation() {
        return new Valuation(rates, symbolCurrencies);
    }

    /**
     * Readies {@code ref} for the engine, on the caller's thread (the webhook's), before its alert
     * is queued: resolves an instrument not met before and asks the rate of a currency not met
     * before, and hands both to the engine. Blocks at most for the broker's request timeouts, only
     * the first time. A failure is logged and left to the engine, which refuses an order it cannot
     * value and says why.
     */
    public void prepare(InstrumentRef ref) {
        if (instruments.containsKey(ref.symbol()) || !broker.broker().health().connected()) {
            return;
        }
        try {
            Instrument instrument = broker.broker().resolve(ref);
            instruments.put(ref.symbol(), instrument);
            symbolCurrencies.put(ref.symbol(), instrument.currency());
            Optional<ConversionRates> read = Optional.empty();
            Optional<AccountSnapshot> account = latest;
            if (currencies.add(instrument.currency()) && account.isPresent()
                    && !account.get().currency().equals(instrument.currency())) {
                read = Optional.of(broker.broker().conversionRates(account.get().currency(),
                        Set.of(instrument.currency())));
                read.ifPresent(this::ratesRead);
            }
            facts.accept(new MarketFacts(read, Map.of(ref.symbol(), instrument), Map.of()));
        } catch (BrokerException | RuntimeException e) {
            log.debug("{} could not be readied at the {} broker: {}", ref, broker.name(), e.getMessage());
        }
    }

    private void refresh() {
        try {
            if (!broker.broker().health().connected()) {
                return;
            }
            AccountSnapshot snapshot = broker.broker().account();
            latest = Optional.of(snapshot);
            accountCurrency(snapshot.currency());
            consumer.accept(snapshot);
            Map<String, String> held = positionsOnce();
            Set<String> wanted = new TreeSet<>(currencies);
            wanted.remove(snapshot.currency());
            Optional<ConversionRates> read = wanted.isEmpty() ? Optional.empty()
                    : Optional.of(broker.broker().conversionRates(snapshot.currency(), wanted));
            read.ifPresent(this::ratesRead);
            MarketFacts news = new MarketFacts(read, Map.of(), held);
            if (!news.isEmpty()) {
                facts.accept(news);
            }
        } catch (BrokerException | RuntimeException e) {
            log.debug("the {} account could not be read: {}", broker.name(), e.getMessage());
        }
    }

    /** The currency of each position the broker holds, read once: the positions opened later are met by alerts. */
    private Map<String, String> positionsOnce() throws BrokerException {
        if (positionsRead) {
            return Map.of();
        }
        List<Position> positions = broker.broker().positions();
        Map<String, String> held = new HashMap<>();
        for (Position position : positions) {
            if (!position.currency().isBlank()) {
                held.put(position.symbol(), position.currency());
                symbolCurrencies.putIfAbsent(position.symbol(), position.currency());
                currencies.add(position.currency());
            }
        }
        positionsRead = true;
        return held;
    }

    private synchronized void ratesRead(ConversionRates read) {
        rates = rates.with(read);
    }

    private synchronized void accountCurrency(String currency) {
        rates = rates.inAccountCurrency(currency);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
