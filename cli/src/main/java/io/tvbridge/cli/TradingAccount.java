package io.tvbridge.cli;

import io.tvbridge.broker.spi.Broker;
import io.tvbridge.broker.spi.BrokerConfig;
import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.BrokerFactory;
import io.tvbridge.broker.spi.BrokerJournal;
import io.tvbridge.broker.spi.model.Fill;
import io.tvbridge.core.account.AccountsConfig;
import io.tvbridge.core.calendar.TradingHours;
import io.tvbridge.core.config.ConfigException;
import io.tvbridge.core.config.ConfigValues;
import io.tvbridge.core.daily.DayJobs;
import io.tvbridge.core.health.DaemonStatus;
import io.tvbridge.core.health.HealthService;
import io.tvbridge.core.health.Instance;
import io.tvbridge.core.health.StatusService;
import io.tvbridge.core.jobs.JobScheduler;
import io.tvbridge.core.jobs.JobsConfig;
import io.tvbridge.core.jobs.Schedule;
import io.tvbridge.core.model.OrderIds;
import io.tvbridge.core.model.Reconciliation;
import io.tvbridge.core.notify.Notice;
import io.tvbridge.core.notify.Notifier;
import io.tvbridge.core.order.AccountWatcher;
import io.tvbridge.core.order.BrokerCircuit;
import io.tvbridge.core.order.Ledger;
import io.tvbridge.core.order.LedgerListener;
import io.tvbridge.core.order.MarketOrderTimeout;
import io.tvbridge.core.order.OrderOutcomeCounter;
import io.tvbridge.core.order.OrderSubmitter;
import io.tvbridge.core.plugin.BrokerCatalog;
import io.tvbridge.core.reconcile.Reconciler;
import io.tvbridge.core.report.DailyReporter;
import io.tvbridge.core.report.PnlService;
import io.tvbridge.core.risk.HaltStore;
import io.tvbridge.core.risk.RiskEngine;
import io.tvbridge.core.risk.TradingHalt;
import io.tvbridge.core.routing.BrokerHandle;
import io.tvbridge.core.routing.HostBrokerContext;
import io.tvbridge.core.settings.BackupSettings;
import io.tvbridge.core.settings.ReconciliationSettings;
import io.tvbridge.core.settings.RiskSettings;
import io.tvbridge.core.settings.SettingsService;
import io.tvbridge.core.signal.DecisionStage;
import io.tvbridge.core.signal.OrderPlanner;
import io.tvbridge.core.signal.TradingControl;
import io.tvbridge.core.signal.TradingNotices;
import io.tvbridge.core.store.CommitFence;
import io.tvbridge.core.store.ExpectedPosition;
import io.tvbridge.core.store.StoreBrokerJournal;
import io.tvbridge.core.store.StoredOrder;
import io.tvbridge.core.store.backup.BackupService;
import io.tvbridge.core.store.mybatis.MyBatisStore;
import io.tvbridge.server.AdminRecordsResource;
import io.tvbridge.server.AdminResource;
import io.tvbridge.server.metrics.PrometheusMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One account the daemon trades: its broker, its own database (its signals, orders, positions,
 * settings, kill switch and pause), its engine loop, its reconciliation and its jobs. A daemon
 * of one account (the {@code BROKER=…} way) has one of these; {@code ACCOUNTS=…} starts one per
 * named account, and nothing of one is shared with another but the webhook that routes to them,
 * the notices and the metrics. {@link #close()} stops in the reverse order of the start.
 */
public final class TradingAccount implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TradingAccount.class);
    private static final Duration ACCOUNT_REFRESH = Duration.ofSeconds(30);
    private static final String RECONCILIATION_JOB = "reconciliation";
    private static final String BACKUP_JOB = "backup";
    private static final Duration JOB_TICK = Duration.ofSeconds(1);
    /** A mismatch must still be there after this pause: fills on their way are not mismatches. */
    private static final Duration RECONCILIATION_CONFIRM_DELAY = Duration.ofSeconds(1);

    /** What every account of a daemon shares, and how the daemon's instance is described. */
    public record Host(Clock clock, Instant startedAt, PrometheusMetrics metrics, Notifier notifier,
                       Duration duplicateWindow, CommitFence fence, Supplier<Instance> instance,
                       boolean several) {
    }

    private final AccountsConfig.Account spec;
    private final BrokerCatalog.Provider provider;
    private final ConfigValues values;
    private final Path folder;
    private final MyBatisStore store;
    private final Host host;
    private final StartedParts started;
    /** The daemon's notices; for one account of several, each names its account. */
    private final Notifier notifier;
    private final AtomicReference<BrokerCircuit> circuit = new AtomicReference<>();
    private BrokerHandle broker;
    private SettingsService settings;
    private DecisionStage decisions;
    private TradingControl control;
    private AccountWatcher account;
    private TradingHours hours;
    private Ledger ledger;
    private OrderSubmitter submitter;
    private Reconciler reconciler;
    private JobScheduler jobs;
    private BackupService backups;
    private HealthService health;
    private StatusService status;
    private PnlService pnl;
    private DailyReporter reporter;

    private TradingAccount(AccountsConfig.Account spec, BrokerCatalog.Provider provider, ConfigValues values,
                           Path folder, MyBatisStore store, Host host) {
        this.spec = spec;
        this.provider = provider;
        this.values = values;
        this.folder = folder;
        this.store = store;
        this.host = host;
        this.started = new StartedParts("account " + spec.name());
        this.notifier = host.several() ? notice -> host.notifier().notify(new Notice(notice.kind(),
                "[" + spec.name() + "] " + notice.text(), notice.at())) : host.notifier();
    }

    /**
     * Starts the account on {@code store} (which it does not close), or stops what it started and
     * throws. {@code folder} holds its broker's state and its backups; {@code values} are the
     * account's own (its variables first).
     */
    public static TradingAccount start(AccountsConfig.Account spec, BrokerCatalog.Provider provider,
                                       ConfigValues values, Path folder, MyBatisStore store, Host host) {
        TradingAccount account = new TradingAccount(spec, provider, values, folder, store, host);
        try {
            account.startAll();
            return account;
        } catch (RuntimeException e) {
            account.close();
            throw e;
        }
    }

    private void startAll() {
        Clock clock = host.clock();
        PrometheusMetrics metrics = host.metrics();
        OrderIds ids = new OrderIds(installationId());
        JobsConfig jobsConfig = JobsConfig.from(values, provider.name());
        settings = new SettingsService(store, clock);
        RiskSettings risk = settings.load(values);
        hours = new TradingHours(risk.everyMarketOpen());
        settings.addListener(changed -> hours.everyMarketOpen(changed.everyMarketOpen()));
        TradingHalt halt = store.inTransaction(HaltStore::load);
        ledger = new Ledger(provider.name(), "", clock);
        // the engine loop records the broker's reports: it stops last, after the submitter and the broker
        remember(() -> {
            if (decisions != null) {
                decisions.close();
            }
        });
        ledger.addListener(new OrderOutcomeCounter(metrics));
        broker = new BrokerHandle(provider.name(), provider.factory().version(), "", createBroker());
        remember(broker.broker());
        circuit.set(circuitFor(risk));
        submitter = remember(new OrderSubmitter(broker, store, ledger, circuit.get(), risk, clock, metrics));
        ledger.addListener(submitter);
        MarketOrderTimeout timeouts = remember(new MarketOrderTimeout(broker, store, ledger, hours, settings::current,
                clock));
        ledger.addListener(timeouts);
        decisions = new DecisionStage(store, broker, ledger, new OrderPlanner(broker.name(), broker.capabilities()),
                RiskEngine.standard(), ids, host.duplicateWindow(), risk, halt, () -> circuit.get().openReason(),
                hours, clock, submitter, host.fence());
        settings.addListener(decisions::settingsChanged);
        settings.addListener(changed -> {
            circuit.set(circuitFor(changed));
            submitter.useCircuit(circuit.get());
            submitter.useLimits(changed);
        });
        control = new TradingControl(decisions, store, broker, notifier, clock);
        TradingNotices notices = remember(new TradingNotices(notifier, jobsConfig.nightlyReset()));
        ledger.addListener(notices);
        decisions.addListener(notices);
        connectBroker();
        account = remember(new AccountWatcher(broker, ACCOUNT_REFRESH, decisions::accountUpdated,
                decisions::marketFacts));
        ledger.addListener(new LedgerListener() {
            @Override
            public void fillRecorded(StoredOrder order, Fill fill, BigDecimal realizedPnl, ExpectedPosition position) {
                account.refreshSoon();   // cash and buying power moved
            }
        });
        submitter.recover();
        timeouts.recover();
        reconciler = new Reconciler(store, broker, ledger, control, notifier,
                () -> ReconciliationSettings.of(settings.values()), clock, RECONCILIATION_CONFIRM_DELAY, metrics);
        scheduleJobs();
        health = new HealthService(broker, store, clock, host.startedAt(), () -> circuit.get().state(),
                () -> circuit.get().openReason(), () -> decisions.settings().dryRun(), host.instance());
        pnl = new PnlService(store, broker, settings::current, clock, account::valuation, account::prepare);
        reporter = new DailyReporter(store, pnl, broker.name(), settings::current, clock);
        Supplier<DaemonStatus.Queues> queues = () -> new DaemonStatus.Queues(decisions.queued(), ledger.queued(),
                submitter.pending(), decisions.pending().size(), submitter.outstanding());
        status = new StatusService(health, decisions, queues, store, jobs);
        if (host.several()) {
            metrics.watch(queues, broker.name(), health::brokerConnected, name());
        } else {
            metrics.watch(queues, broker.name(), health::brokerConnected);
        }
        DayJobs day = new DayJobs(jobs, jobsConfig, notifier, clock);
        day.pendingRelease(decisions);
        day.dailyReport(reporter, settings::current, decisions);
        settings.addListener(day::settingsChanged);
        day.brokerHealth(health);
        day.reauthReminder();
        jobs.start(JOB_TICK);
    }

    /** Scheduled work: the reconciliation, at the interval its settings give (and again when they change). */
    private void scheduleJobs() {
        jobs = remember(new JobScheduler(host.clock()));
        backups = new BackupService(store, folder, host.clock());
        AtomicReference<Duration> interval = new AtomicReference<>(
                ReconciliationSettings.of(settings.values()).interval());
        jobs.register(RECONCILIATION_JOB, Schedule.every(interval.get()), () -> {
            Reconciliation result = reconciler.reconcile("scheduler");
            return result.outcome().wireName() + ": " + result.details();
        });
        settings.addListener(changed -> {
            Duration wanted = ReconciliationSettings.of(settings.values()).interval();
            if (!wanted.equals(interval.getAndSet(wanted))) {
                jobs.reschedule(RECONCILIATION_JOB, Schedule.every(wanted));
            }
        });
        if (store.kind().equals("postgresql")) {
            log.info("scheduled backups are off: they copy the embedded H2 database, and PostgreSQL is backed up"
                    + " with its own tools (pg_dump, the server's backups)");
        } else {
            scheduleBackups();
        }
    }

    /** The backup of the embedded H2 database, on the schedule its settings give (and again when they change). */
    private void scheduleBackups() {
        AtomicReference<BackupSettings> backup = new AtomicReference<>(BackupSettings.of(settings.values()));
        jobs.register(BACKUP_JOB, backup.get().schedule(), () -> {
            BackupService.Result result = backups.backUp(Optional.empty(), backup.get().keep(), "scheduler");
            return result.contents().file().getFileName() + ": " + result.contents().summary();
        });
        settings.addListener(changed -> {
            BackupSettings wanted = BackupSettings.of(settings.values());
            if (!wanted.equals(backup.getAndSet(wanted))) {
                jobs.reschedule(BACKUP_JOB, wanted.schedule());
            }
        });
    }

    private String installationId() {
        return store.inTransaction(session -> session.property(OrderIds.INSTALLATION_PROPERTY).orElseGet(() -> {
            String id = OrderIds.newInstallationId();
            session.putProperty(OrderIds.INSTALLATION_PROPERTY, id);
            return id;
        }));
    }

    private Broker createBroker() {
        BrokerFactory factory = provider.factory();
        Path state = folder.resolve("brokers").resolve(factory.name());
        try {
            Files.createDirectories(state);
            BrokerConfig brokerConfig = new BrokerConfig(factory.name(), values.withPrefix(brokerPrefix(factory)),
                    factory.configKeys());
            log.info("starting broker {} {} for account {} ({})", factory.name(), factory.version(), spec.name(),
                    brokerConfig);
            return factory.create(brokerConfig, new HostBrokerContext(host.clock(), ledger, state, hours,
                    brokerJournals(factory.name(), state)));
        } catch (BrokerException e) {
            throw new ConfigException(describe() + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + state, e);
        }
    }

    /** {@code OANDA_} for the oanda broker: its variables' common start (after the account's own prefix). */
    static String brokerPrefix(BrokerFactory factory) {
        return factory.name().toUpperCase(Locale.ROOT).replace('-', '_') + "_";
    }

    /**
     * On a database several daemons share, a broker's journals are kept in it (behind the engine's
     * lease, taken by now), so that the daemon that takes over finds the paper account where the last
     * one left it. On H2 they stay files in the broker's state folder.
     */
    private Optional<Function<String, BrokerJournal>> brokerJournals(String brokerName, Path state) {
        if (!store.kind().equals("postgresql")) {
            return Optional.empty();
        }
        CommitFence leaseFence = host.fence();
        Clock clock = host.clock();
        return Optional.of(name -> StoreBrokerJournal.open(store, leaseFence, clock, brokerName, name, state));
    }

    private void connectBroker() {
        try {
            broker.broker().connect();
        } catch (BrokerException e) {
            switch (e.kind()) {
                case AUTHENTICATION, CONFIGURATION -> throw new ConfigException(describe() + ": " + e.getMessage());
                default -> log.warn("{} is not connected yet ({}); signals are stored and orders wait", describe(),
                        e.getMessage());
            }
        }
    }

    /** {@code broker ibkr} for the one account of a daemon, {@code account live (ibkr)} for one of several. */
    private String describe() {
        return spec.name().value().equals(provider.name()) ? "broker " + provider.name()
                : "account " + spec.name() + " (" + provider.name() + ")";
    }

    private BrokerCircuit circuitFor(RiskSettings risk) {
        return new BrokerCircuit(broker.name(), risk.circuitBreakerFailures(),
                Duration.ofSeconds(risk.circuitBreakerCooldownSeconds()), host.clock());
    }

    private <T extends AutoCloseable> T remember(T component) {
        return started.remember(component);
    }

    /** The account's admin API: the switches, the settings and the records, as one account's. */
    AdminResource adminResource() {
        return new AdminResource(status, control, reconciler, settings, store, backups);
    }

    AdminRecordsResource recordsResource() {
        return new AdminRecordsResource(store, broker, pnl, reporter);
    }

    public AccountsConfig.Account spec() {
        return spec;
    }

    public String name() {
        return spec.name().value();
    }

    public MyBatisStore store() {
        return store;
    }

    public BrokerHandle broker() {
        return broker;
    }

    public SettingsService settings() {
        return settings;
    }

    public TradingControl control() {
        return control;
    }

    public Ledger ledger() {
        return ledger;
    }

    public DecisionStage decisions() {
        return decisions;
    }

    public AccountWatcher account() {
        return account;
    }

    public Reconciler reconciler() {
        return reconciler;
    }

    public JobScheduler jobs() {
        return jobs;
    }

    public HealthService health() {
        return health;
    }

    public StatusService status() {
        return status;
    }

    public PnlService pnl() {
        return pnl;
    }

    public DailyReporter reporter() {
        return reporter;
    }

    public BackupService backups() {
        return backups;
    }

    public BrokerCircuit circuit() {
        return circuit.get();
    }

    /** Sends no more orders: what is being sent fails, and the account's engine commits nothing more. */
    void stopSending() {
        if (broker != null) {
            broker.broker().close();
        }
    }

    @Override
    public void close() {
        started.close();
    }
}
