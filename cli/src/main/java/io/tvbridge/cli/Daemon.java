package io.tvbridge.cli;

import io.tvbridge.broker.spi.Broker;
import io.tvbridge.broker.spi.BrokerConfig;
import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.BrokerFactory;
import io.tvbridge.broker.spi.BrokerJournal;
import io.tvbridge.broker.spi.model.Fill;
import io.tvbridge.core.alert.AlertFreshness;
import io.tvbridge.core.alert.WebhookAuthenticator;
import io.tvbridge.core.calendar.TradingHours;
import io.tvbridge.core.config.ConfigException;
import io.tvbridge.core.config.ConfigValues;
import io.tvbridge.core.config.NetworkConfig;
import io.tvbridge.core.config.PostgresConfig;
import io.tvbridge.core.config.Redactor;
import io.tvbridge.core.config.TelegramConfig;
import io.tvbridge.core.config.TvBridgeConfig;
import io.tvbridge.core.daily.DayJobs;
import io.tvbridge.core.health.DaemonStatus;
import io.tvbridge.core.health.HealthService;
import io.tvbridge.core.health.Instance;
import io.tvbridge.core.health.StatusService;
import io.tvbridge.core.jobs.JobScheduler;
import io.tvbridge.core.jobs.JobsConfig;
import io.tvbridge.core.jobs.Schedule;
import io.tvbridge.core.lease.InstanceId;
import io.tvbridge.core.lease.LeaseKeeper;
import io.tvbridge.core.model.OrderIds;
import io.tvbridge.core.model.Reconciliation;
import io.tvbridge.core.notify.FanOutNotifier;
import io.tvbridge.core.notify.LoggingNotifier;
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
import io.tvbridge.core.signal.InboxFeed;
import io.tvbridge.core.signal.OrderPlanner;
import io.tvbridge.core.signal.SignalService;
import io.tvbridge.core.signal.TradingControl;
import io.tvbridge.core.signal.TradingNotices;
import io.tvbridge.core.store.CommitFence;
import io.tvbridge.core.store.DataDirectoryLock;
import io.tvbridge.core.store.ExpectedPosition;
import io.tvbridge.core.store.Lease;
import io.tvbridge.core.store.Store;
import io.tvbridge.core.store.StoreSession;
import io.tvbridge.core.store.StoreBrokerJournal;
import io.tvbridge.core.store.StoredOrder;
import io.tvbridge.core.store.backup.BackupService;
import io.tvbridge.core.store.mybatis.MyBatisStore;
import io.tvbridge.server.AdminEventsResource;
import io.tvbridge.server.AdminRecordsResource;
import io.tvbridge.server.AdminResource;
import io.tvbridge.server.AlertExplainResource;
import io.tvbridge.server.ApiKeyFilter;
import io.tvbridge.server.DashboardFeed;
import io.tvbridge.server.DashboardResource;
import io.tvbridge.server.DashboardTopics;
import io.tvbridge.server.HealthResource;
import io.tvbridge.server.SecretMasking;
import io.tvbridge.server.WebhookGuard;
import io.tvbridge.server.WebhookHandler;
import io.tvbridge.server.WebhookServer;
import io.tvbridge.server.WebhookTemplateResource;
import io.tvbridge.server.metrics.MetricsResource;
import io.tvbridge.server.metrics.PrometheusMetrics;
import io.tvbridge.server.telegram.TelegramBot;
import io.tvbridge.server.telegram.TelegramCommandServices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running daemon, wired by hand, one method per component. {@link #close()} stops in the
 * reverse order: no new requests, then the decision queue drained, orders in flight sent,
 * broker events recorded, and the database closed last.
 */
public final class Daemon implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Daemon.class);
    private static final Duration ACCOUNT_REFRESH = Duration.ofSeconds(30);
    private static final String RECONCILIATION_JOB = "reconciliation";
    private static final String BACKUP_JOB = "backup";
    private static final Duration JOB_TICK = Duration.ofSeconds(1);
    /** A mismatch must still be there after this pause: fills on their way are not mismatches. */
    private static final Duration RECONCILIATION_CONFIRM_DELAY = Duration.ofSeconds(1);
    /** The process's status after the engine lease was lost: a supervisor restarts it, and it waits its turn. */
    public static final int EXIT_LEASE_LOST = 3;

    private final TvBridgeConfig config;
    private final ConfigValues values;
    private final Clock clock;
    private final Instant startedAt;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Exit exit;
    private final AtomicReference<BrokerCircuit> circuit = new AtomicReference<>();
    private Store store;
    private BrokerHandle broker;
    private WebhookServer server;
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
    private WebhookGuard guard;
    private DashboardFeed dashboard;
    private Notifier notifier = new LoggingNotifier();
    private TelegramBot telegram;
    private PrometheusMetrics metrics;
    private Redactor redactor;
    /** The engine lease this daemon holds on PostgreSQL; none on H2, whose data directory's lock keeps others away. */
    private LeaseKeeper lease;
    private CommitFence fence = CommitFence.NONE;
    private Instance instance;
    /** While it waits for the lease on a shared database: the standby taking webhooks meanwhile. */
    private Standby standby;
    private InstanceId instanceId;

    /** How the daemon ends its process when it lost the engine lease; {@code status} is not 0. */
    @FunctionalInterface
    public interface Exit {
        void now(int status);
    }

    private Daemon(TvBridgeConfig config, ConfigValues values, Clock clock, Exit exit) {
        this.config = config;
        this.values = values;
        this.clock = clock;
        this.exit = exit;
        this.startedAt = clock.instant();
    }

    /**
     * Starts everything, or stops what was started and throws. A lost engine lease stops the
     * orders and does nothing more: the process is left running, which suits a daemon started
     * inside another program (tests); {@code tvbridge run} ends its process (see the other start).
     */
    public static Daemon start(TvBridgeConfig config, ConfigValues values, Clock clock) {
        return start(config, values, clock, status -> { });
    }

    /**
     * Starts everything, or stops what was started and throws. On PostgreSQL it first waits, for as
     * long as it takes, for the engine lease; when it loses it later it stops sending orders and
     * calls {@code exit} with {@link #EXIT_LEASE_LOST}.
     */
    public static Daemon start(TvBridgeConfig config, ConfigValues values, Clock clock, Exit exit) {
        Logging.routeJavaUtilLogging();
        Daemon daemon = new Daemon(config, values, clock, exit);
        try {
            daemon.startAll();
            return daemon;
        } catch (RuntimeException e) {
            daemon.close();
            throw e;
        }
    }

    private void startAll() {
        // from the first line on, the log is in the format this daemon's configuration asks for, with its instance id
        instanceId = InstanceId.from(values);
        remember(Logging.use(LogFormat.from(values), instanceId));
        createDataDirectory();
        // the lock guards the data directory's files (secrets, broker state, the daemon's address) on either store
        remember(DataDirectoryLock.acquire(config.dataDirectory(), "tvbridge run"));
        BrokerCatalog.Provider provider = findBroker();
        redactor = new Redactor(SecretValues.of(config, values, provider.factory()));
        remember(Logging.maskSecrets(redactor));
        MyBatisStore database = remember(openStore());
        store = database;
        metrics = remember(new PrometheusMetrics(provider.name()));
        takeTheLease(database, provider);
        OrderIds ids = new OrderIds(installationId());
        JobsConfig jobsConfig = JobsConfig.from(values, provider.name());
        startTelegram();
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
        broker = new BrokerHandle(provider.name(), provider.factory().version(), "", createBroker(provider, ledger));
        remember(broker.broker());
        circuit.set(circuitFor(risk));
        submitter = remember(new OrderSubmitter(broker, store, ledger, circuit.get(), risk, clock, metrics));
        ledger.addListener(submitter);
        MarketOrderTimeout timeouts = remember(new MarketOrderTimeout(broker, store, ledger, hours, settings::current,
                clock));
        ledger.addListener(timeouts);
        decisions = new DecisionStage(store, broker, ledger, new OrderPlanner(broker.name(), broker.capabilities()),
                RiskEngine.standard(), ids, config.duplicateWindow(), risk, halt, () -> circuit.get().openReason(),
                hours, clock, submitter, fence);
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
        NetworkConfig network = NetworkConfig.from(values);
        NetworkSummary.warnings(config.host(), network).forEach(log::warn);
        SignalService signals = new SignalService(new WebhookAuthenticator(config.webhookSecret()), decisions,
                redactor, new AlertFreshness(network.maxAlertAge()), metrics, account::prepare);
        boolean shared = lease != null;
        if (shared) {
            remember(InboxFeed.start(store, decisions, account::prepare));   // the alerts standbys stored, decided here
        }
        HealthService health = new HealthService(broker, store, clock, startedAt, () -> circuit.get().state(),
                () -> circuit.get().openReason(), () -> decisions.settings().dryRun(),
                () -> shared ? instance.withUndecided(store.inTransaction(StoreSession::inboxState)) : instance);
        PnlService pnl = new PnlService(store, broker, settings::current, clock, account::valuation,
                account::prepare);
        DailyReporter reporter = new DailyReporter(store, pnl, broker.name(), settings::current, clock);
        Supplier<DaemonStatus.Queues> queues = () -> new DaemonStatus.Queues(decisions.queued(), ledger.queued(),
                submitter.pending(), decisions.pending().size(), submitter.outstanding());
        StatusService status = new StatusService(health, decisions, queues, store, jobs);
        metrics.watch(queues, broker.name(), health::brokerConnected);
        scheduleDayJobs(jobsConfig, health, reporter);
        List<Object> resources = resources(signals, health, pnl, reporter, status);
        guard = new WebhookGuard(network, metrics);
        WebhookHandler webhook = new WebhookHandler(signals, guard, clock, network.secretInUrl());
        WebhookServer trading = new WebhookServer(config.host(), standby != null ? standby.port() : config.port(),
                network, Optional.of(webhook), resources);
        server = remember((shared ? trading.sharingPorts() : trading).start());
        if (standby != null) {
            standby.close();   // the trading server listens on its port already
            standby = null;
        }
        server.instrument(metrics.registry());
        remember(dashboard);   // closed before the server, which would otherwise wait for the dashboards' streams
        if (telegram != null) {
            telegram.startCommands(new TelegramCommandServices(status, control, settings, pnl, broker));
            remember(telegram::stopCommands);   // at close, commands stop before what they use
        }
        remember(DaemonAddress.write(config.dataDirectory(), server.adminAddress(), server.adminSecure()));
        log.info("tvbridge listening on {}:{} with the {} broker{}", config.host(), server.port(), broker.name(),
                NetworkSummary.describe(network, server.adminAddress()));
    }

    /** PostgreSQL when {@code DATABASE_URL} is set, else H2 in the data directory. */
    private MyBatisStore openStore() {
        Optional<PostgresConfig> postgres = PostgresConfig.from(values);
        postgres.ifPresent(pg -> log.info("store: PostgreSQL at {} as {} ({})", pg.name(), pg.user(),
                PostgresConfig.DATABASE_URL));
        return MyBatisStore.open(postgres, config.dataDirectory(), clock);
    }

    /**
     * On PostgreSQL, several daemons may share the database, and one at a time may trade: this one
     * waits here, before its broker is connected or its engine reads the store, until it holds the
     * engine lease. Meanwhile it is a {@link Standby}: it takes webhooks and stores the alerts for
     * the instance that trades, and {@code /ready} says so. On H2 the data directory's lock (taken
     * already) keeps other daemons away, and no lease is used.
     */
    private void takeTheLease(MyBatisStore database, BrokerCatalog.Provider provider) {
        if (!database.kind().equals("postgresql")) {
            instance = Instance.single(instanceId.value());
            return;
        }
        AtomicReference<Lease> leader = new AtomicReference<>();
        try {
            Duration term = LeaseKeeper.term(values);
            lease = remember(LeaseKeeper.acquire(database.engineLease(term), term, instanceId.holder(),
                    metrics, this::leaseLost, seen -> {
                        leader.set(seen);
                        if (standby == null) {
                            standby = remember(Standby.start(config, values, clock, database, redactor, metrics,
                                    provider.name(), provider.factory().version(), instanceId.value(), leader));
                        }
                    }));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("stopped while waiting for the engine lease", e);
        }
        fence = lease;
        instance = Instance.leader(instanceId.value(), lease.held());
    }

    /**
     * Another instance may take over now: nothing more may reach the broker. The broker is closed at
     * once (orders being sent fail, and the fence refuses to commit anything more), then the process
     * ends. What was not committed was never acknowledged, and the next leader looks up every order
     * whose outcome it does not know.
     */
    private void leaseLost(String reason) {
        log.error("lost the engine lease: {}. Another instance may trade now: this one sends no more orders and"
                + " exits with status {}; restarted, it waits its turn", reason, EXIT_LEASE_LOST);
        if (broker != null) {
            broker.broker().close();
        }
        exit.now(EXIT_LEASE_LOST);
    }

    /** Scheduled work: the reconciliation, at the interval its settings give (and again when they change). */
    private void scheduleJobs() {
        jobs = remember(new JobScheduler(clock));
        backups = new BackupService(store, config.dataDirectory(), clock);
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
        jobs.start(JOB_TICK);
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

    /** The jobs of the trading day: the pending queue at the open, the daily report, health, IB's session cycle. */
    private void scheduleDayJobs(JobsConfig jobsConfig, HealthService health, DailyReporter reporter) {
        DayJobs day = new DayJobs(jobs, jobsConfig, notifier, clock);
        day.pendingRelease(decisions);
        day.dailyReport(reporter, settings::current, decisions);
        settings.addListener(day::settingsChanged);
        day.brokerHealth(health);
        day.reauthReminder();
    }

    /** With TELEGRAM_BOT_TOKEN set: notices go to the log and to Telegram; commands start once all else runs. */
    private void startTelegram() {
        TelegramConfig.from(values).ifPresent(telegramConfig -> {
            telegram = remember(TelegramBot.create(telegramConfig, store, clock));
            notifier = new FanOutNotifier(List.of(new LoggingNotifier(), telegram.outbox()));
            log.info("Telegram: notices and commands for chat(s) {}", telegramConfig.chatIds());
        });
    }

    private List<Object> resources(SignalService signals, HealthService health, PnlService pnl,
                                   DailyReporter reporter, StatusService status) {
        AdminResource admin = new AdminResource(status, control, reconciler, settings, store, backups);
        AdminRecordsResource records = new AdminRecordsResource(store, broker, pnl, reporter);
        dashboard = new DashboardFeed(DashboardTopics.of(admin, records));
        return List.of(new AlertExplainResource(signals, clock),
                new HealthResource(health),
                MetricsResource.of(metrics, config.metricsPublic()),
                new ApiKeyFilter(config.adminApiKey()), new SecretMasking.Urls(redactor),
                new SecretMasking.AdminBodies(redactor), admin, records,
                new WebhookTemplateResource(config.webhookSecret()),
                new AdminEventsResource(dashboard), new DashboardResource());
    }

    private void createDataDirectory() {
        try {
            Files.createDirectories(config.dataDirectory());
        } catch (IOException e) {
            throw new ConfigException("cannot create the data directory " + config.dataDirectory() + " ("
                    + TvBridgeConfig.DATA_DIR + "): " + e.getMessage());
        }
    }

    private BrokerCatalog.Provider findBroker() {
        BrokerCatalog catalog = BrokerCatalog.discover(config.pluginDirectory());
        return catalog.find(config.broker()).orElseThrow(() -> new ConfigException("unknown broker '"
                + config.broker() + "' (" + TvBridgeConfig.BROKER + "); brokers found: "
                + String.join(", ", catalog.names())
                + catalog.problems().stream().map(p -> p.source() + ": " + p.message())
                        .reduce((a, b) -> a + "; " + b).map(skipped -> "; plugins skipped: " + skipped).orElse("")));
    }

    private String installationId() {
        return store.inTransaction(session -> session.property(OrderIds.INSTALLATION_PROPERTY).orElseGet(() -> {
            String id = OrderIds.newInstallationId();
            session.putProperty(OrderIds.INSTALLATION_PROPERTY, id);
            return id;
        }));
    }

    private Broker createBroker(BrokerCatalog.Provider provider, Ledger ledger) {
        BrokerFactory factory = provider.factory();
        Path state = config.dataDirectory().resolve("brokers").resolve(factory.name());
        try {
            Files.createDirectories(state);
            BrokerConfig brokerConfig = new BrokerConfig(factory.name(),
                    values.withPrefix(factory.name().toUpperCase(Locale.ROOT).replace('-', '_') + "_"),
                    factory.configKeys());
            log.info("starting broker {} {} ({})", factory.name(), factory.version(), brokerConfig);
            return factory.create(brokerConfig, new HostBrokerContext(clock, ledger, state, hours,
                    brokerJournals(factory.name(), state)));
        } catch (BrokerException e) {
            throw new ConfigException("broker " + factory.name() + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + state, e);
        }
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
        Store shared = store;
        CommitFence leaseFence = fence;
        return Optional.of(name -> StoreBrokerJournal.open(shared, leaseFence, clock, brokerName, name, state));
    }

    private void connectBroker() {
        try {
            broker.broker().connect();
        } catch (BrokerException e) {
            switch (e.kind()) {
                case AUTHENTICATION, CONFIGURATION ->
                        throw new ConfigException("broker " + broker.name() + ": " + e.getMessage());
                default -> log.warn("broker {} is not connected yet ({}); signals are stored and orders wait",
                        broker.name(), e.getMessage());
            }
        }
    }

    private BrokerCircuit circuitFor(RiskSettings risk) {
        return new BrokerCircuit(broker.name(), risk.circuitBreakerFailures(),
                Duration.ofSeconds(risk.circuitBreakerCooldownSeconds()), clock);
    }

    private <T extends AutoCloseable> T remember(T component) {
        started.push(component);
        return component;
    }

    public int port() {
        return server.port();
    }

    /** The webhook's door: its refusals by reason. */
    public WebhookGuard webhookGuard() {
        return guard;
    }

    /** The port the admin API answers on: its own, or the webhook's. */
    public int adminPort() {
        return server.adminAddress().getPort();
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

    public TvBridgeConfig config() {
        return config;
    }

    public Duration uptime() {
        return Duration.between(startedAt, clock.instant());
    }

    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            AutoCloseable component = started.pop();
            try {
                component.close();
            } catch (Exception e) {
                log.warn("stopping {} failed: {}", component.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
