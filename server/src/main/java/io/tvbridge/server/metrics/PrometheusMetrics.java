package io.tvbridge.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tvbridge.core.health.DaemonStatus;
import io.tvbridge.core.metrics.BridgeMetrics;
import io.tvbridge.core.model.OrderPhase;
import io.tvbridge.core.model.Outcome;
import io.tvbridge.core.model.Reconciliation;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * {@link BridgeMetrics} kept in a Micrometer Prometheus registry, with the JVM's own meters
 * beside them. Every counter and timer is created up front and held in a field or an enum map,
 * so recording costs an adder's increment: no registry lookup, no lock on the webhook's path.
 */
public final class PrometheusMetrics implements BridgeMetrics, AutoCloseable {
    /** Signals by outcome: decided ones by their decision, the rest by what stopped them. */
    enum SignalOutcome {
        ACCEPTED, REJECTED, QUEUED, STORED, DUPLICATE, MALFORMED, INVALID, UNAUTHORIZED, TOO_LARGE, UNAVAILABLE;

        static SignalOutcome of(Outcome outcome) {
            if (outcome instanceof Outcome.Decided decided) {
                return switch (decided.decision()) {
                    case ACCEPTED -> ACCEPTED;
                    case REJECTED -> REJECTED;
                    case QUEUED -> QUEUED;
                    case STORED -> STORED;
                };
            }
            if (outcome instanceof Outcome.Duplicate) {
                return DUPLICATE;
            }
            if (outcome instanceof Outcome.Refused refused) {
                return switch (refused.kind()) {
                    case MALFORMED -> MALFORMED;
                    case INVALID -> INVALID;
                    case UNAUTHORIZED -> UNAUTHORIZED;
                    case TOO_LARGE -> TOO_LARGE;
                };
            }
            return UNAVAILABLE;
        }
    }

    /** The limits the webhook's rate limiter is expected to name; others are added when first seen. */
    private static final String[] KNOWN_RATE_LIMITS = {"webhook", "failed_authentication"};
    private static final Duration LONGEST_DECISION = Duration.ofSeconds(10);
    private static final Duration LONGEST_SUBMIT = Duration.ofSeconds(60);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics garbageCollection = new JvmGcMetrics();
    private final Map<SignalOutcome, Counter> signals = new EnumMap<>(SignalOutcome.class);
    private final Map<OrderPhase, Counter> orders = new EnumMap<>(OrderPhase.class);
    private final Map<Reconciliation.Outcome, Counter> reconciliations = new EnumMap<>(Reconciliation.Outcome.class);
    private final Map<SubmitResult, Timer> submits = new EnumMap<>(SubmitResult.class);
    private final Map<String, Counter> rateLimited = new ConcurrentHashMap<>();
    private final Timer decisions;
    private final Counter mismatches;
    private final Counter leaseChanges;

    public PrometheusMetrics(String broker) {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        garbageCollection.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);

        for (SignalOutcome outcome : SignalOutcome.values()) {
            signals.put(outcome, Counter.builder("tvbridge.signals")
                    .description("Webhook requests by outcome").tag("outcome", label(outcome)).register(registry));
        }
        for (OrderPhase phase : OrderPhase.values()) {
            if (phase.isTerminal() && phase != OrderPhase.DRY_RUN) {
                orders.put(phase, Counter.builder("tvbridge.orders")
                        .description("Orders by how they ended at the broker").tag("outcome", label(phase))
                        .register(registry));
            }
        }
        for (Reconciliation.Outcome outcome : Reconciliation.Outcome.values()) {
            reconciliations.put(outcome, Counter.builder("tvbridge.reconciliations")
                    .description("Reconciliations by outcome").tag("outcome", outcome.wireName()).register(registry));
        }
        mismatches = Counter.builder("tvbridge.reconciliation.mismatches")
                .description("Reconciliations that found positions differing from the broker's").register(registry);
        leaseChanges = Counter.builder("tvbridge.lease.changes")
                .description("Times this instance took the engine lease (on a database several instances share)")
                .register(registry);
        for (SubmitResult result : SubmitResult.values()) {
            submits.put(result, Timer.builder("tvbridge.broker.submit")
                    .description("Time the broker took to answer one order").tags("broker", broker, "result",
                            label(result)).publishPercentileHistogram().maximumExpectedValue(LONGEST_SUBMIT)
                    .register(registry));
        }
        decisions = Timer.builder("tvbridge.signal.decision")
                .description("Time from a webhook's body being read to its decision being stored")
                .publishPercentileHistogram().maximumExpectedValue(LONGEST_DECISION).register(registry);
        for (String limit : KNOWN_RATE_LIMITS) {
            rateLimitCounter(limit);
        }
    }

    /**
     * Adds the gauges read when scraped: the queues of {@code GET /admin/status} and whether the
     * broker is connected. The gauges hold their suppliers strongly (Micrometer's default is a weak
     * reference, and a method reference made here would be collected at once).
     */
    public void watch(Supplier<DaemonStatus.Queues> queues, String broker, BooleanSupplier connected) {
        watch(queues, broker, connected, Tags.empty());
    }

    /** The same gauges for one account of several, told apart by an {@code account} tag. */
    public void watch(Supplier<DaemonStatus.Queues> queues, String broker, BooleanSupplier connected,
                      String account) {
        watch(queues, broker, connected, Tags.of("account", account));
    }

    private void watch(Supplier<DaemonStatus.Queues> queues, String broker, BooleanSupplier connected, Tags tags) {
        queueGauge("decisions", queues, q -> q.decisions(), tags);
        queueGauge("ledger", queues, q -> q.ledger(), tags);
        queueGauge("submitter", queues, q -> q.submitter(), tags);
        queueGauge("pending_signals", queues, q -> q.pendingSignals(), tags);
        Gauge.builder("tvbridge.orders.working", queues, q -> q.get().ordersWorking())
                .description("Orders sent and still working at the broker").tags(tags).strongReference(true)
                .register(registry);
        Gauge.builder("tvbridge.broker.connected", connected, c -> c.getAsBoolean() ? 1 : 0)
                .description("1 while the broker is connected, else 0").tag("broker", broker).tags(tags)
                .strongReference(true).register(registry);
    }

    private void queueGauge(String queue, Supplier<DaemonStatus.Queues> queues,
                            ToDoubleFunction<DaemonStatus.Queues> depth, Tags tags) {
        Gauge.builder("tvbridge.queue.depth", queues, q -> depth.applyAsDouble(q.get()))
                .description("Work waiting in each of the daemon's queues").tag("queue", queue).tags(tags)
                .strongReference(true).register(registry);
    }

    /** Where other parts (the HTTP server's thread pool and connections) add their meters. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Every meter in Prometheus text format 0.0.4. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void signal(Outcome outcome) {
        if (outcome instanceof Outcome.Routed routed) {
            routed.accounts().values().forEach(this::signal);   // one signal per account it went to
            return;
        }
        signals.get(SignalOutcome.of(outcome)).increment();
    }

    @Override
    public void decisionTime(long nanos) {
        decisions.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void brokerSubmit(SubmitResult result, long nanos) {
        submits.get(result).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void orderEnded(OrderPhase phase) {
        Counter counter = orders.get(phase);
        if (counter != null) {
            counter.increment();
        }
    }

    @Override
    public void reconciled(Reconciliation.Outcome outcome, int differences) {
        reconciliations.get(outcome).increment();
        if (outcome == Reconciliation.Outcome.MISMATCH) {
            mismatches.increment();
        }
    }

    @Override
    public void rateLimited(String limit) {
        Counter counter = rateLimited.get(limit);
        (counter != null ? counter : rateLimitCounter(limit)).increment();
    }

    @Override
    public void leaseTaken() {
        leaseChanges.increment();
    }

    private Counter rateLimitCounter(String limit) {
        return rateLimited.computeIfAbsent(limit, name -> Counter.builder("tvbridge.rate.limited")
                .description("Requests refused by a rate limit").tag("limit", name).register(registry));
    }

    private static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        garbageCollection.close();
        registry.close();
    }
}
