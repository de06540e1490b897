package io.tvbridge.cli;

import io.tvbridge.core.account.AccountName;
import io.tvbridge.core.account.AccountsConfig;
import io.tvbridge.core.account.routes.AccountRouter;
import io.tvbridge.core.account.shadow.ShadowMirror;
import io.tvbridge.core.account.shadow.ShadowReports;
import io.tvbridge.core.account.routes.Routes;
import io.tvbridge.core.alert.AlertFreshness;
import io.tvbridge.core.alert.WebhookAuthenticator;
import io.tvbridge.core.config.ConfigException;
import io.tvbridge.core.config.ConfigValues;
import io.tvbridge.core.config.NetworkConfig;
import io.tvbridge.core.config.PostgresConfig;
import io.tvbridge.core.config.Redactor;
import io.tvbridge.core.config.TelegramConfig;
import io.tvbridge.core.config.TvBridgeConfig;
import io.tvbridge.core.health.Instance;
import io.tvbridge.core.jobs.JobScheduler;
import io.tvbridge.core.lease.InstanceId;
import io.tvbridge.core.lease.LeaseKeeper;
import io.tvbridge.core.notify.FanOutNotifier;
import io.tvbridge.core.notify.LoggingNotifier;
import io.tvbridge.core.notify.Notifier;
import io.tvbridge.core.order.AccountWatcher;
import io.tvbridge.core.order.Ledger;
import io.tvbridge.core.plugin.BrokerCatalog;
import io.tvbridge.core.reconcile.Reconciler;
import io.tvbridge.core.routing.BrokerHandle;
import io.tvbridge.core.settings.SettingsService;
import io.tvbridge.core.signal.DecisionStage;
import io.tvbridge.core.signal.InboxFeed;
import io.tvbridge.core.signal.SignalService;
import io.tvbridge.core.signal.TradingControl;
import io.tvbridge.core.store.CommitFence;
import io.tvbridge.core.store.DataDirectoryLock;
import io.tvbridge.core.store.Lease;
import io.tvbridge.core.store.Store;
import io.tvbridge.core.store.StoreSession;
import io.tvbridge.core.store.mybatis.MyBatisStore;
import io.tvbridge.server.AccountsAdminResource;
import io.tvbridge.server.AdminEventsResource;
import io.tvbridge.server.AdminRecordsResource;
import io.tvbridge.server.AdminResource;
import io.tvbridge.server.AlertExplainResource;
import io.tvbridge.server.ApiKeyFilter;
import io.tvbridge.server.DashboardFeed;
import io.tvbridge.server.DashboardResource;
import io.tvbridge.server.DashboardTopics;
import io.tvbridge.server.HealthResource;
import io.tvbridge.server.OneAccountFilter;
import io.tvbridge.server.SecretMasking;
import io.tvbridge.server.SlippageResource;
import io.tvbridge.server.WebhookGuard;
import io.tvbridge.server.WebhookHandler;
import io.tvbridge.server.WebhookServer;
import io.tvbridge.server.WebhookTemplateResource;
import io.tvbridge.server.metrics.MetricsResource;
import io.tvbridge.server.metrics.PrometheusMetrics;
import io.tvbridge.server.telegram.TelegramBot;
import io.tvbridge.server.telegram.TelegramCommandServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running daemon, wired by hand, one method per component. {@link #close()} stops in the
 * reverse order: no new requests, then the decision queue drained, orders in flight sent,
 * broker events recorded, and the database closed last.
 */
public final class Daemon implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Daemon.class);
    /** The process's status after the engine lease was lost: a supervisor restarts it, and it waits its turn. */
    public static final int EXIT_LEASE_LOST = 3;

    private final TvBridgeConfig config;
    private final ConfigValues values;
    private final Clock clock;
    private final Instant startedAt;
    private final StartedParts started;
    private final Exit exit;
    /** The accounts it trades, in the order {@code ACCOUNTS} names them (one with {@code BROKER}). */
    private final List<TradingAccount> accounts = new ArrayList<>();
    /** The database of the daemon's one account; with several, the first account's. */
    private Store store;
    private WebhookServer server;
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
        this.started = new StartedParts("the daemon");
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
        AccountsConfig plan = AccountsConfig.from(values);
        BrokerCatalog catalog = BrokerCatalog.discover(config.pluginDirectory());
        Map<AccountsConfig.Account, BrokerCatalog.Provider> providers = new LinkedHashMap<>();
        List<String> secrets = new ArrayList<>();
        for (AccountsConfig.Account spec : plan.accounts()) {
            BrokerCatalog.Provider provider = findBroker(catalog, spec);
            providers.put(spec, provider);
            secrets.addAll(SecretValues.of(config, plan.several() ? plan.valuesOf(spec, values) : values,
                    provider.factory()));
        }
        redactor = new Redactor(secrets.stream().distinct().toList());
        remember(Logging.maskSecrets(redactor));
        if (plan.several() && PostgresConfig.from(values).isPresent()) {
            throw new ConfigException(AccountsConfig.ACCOUNTS + " keeps each account's records in the data directory's"
                    + " embedded database; with " + PostgresConfig.DATABASE_URL + " run one daemon per account (or"
                    + " unset " + AccountsConfig.ACCOUNTS + ")");
        }
        BrokerCatalog.Provider first = providers.values().iterator().next();
        metrics = remember(new PrometheusMetrics(first.name()));
        MyBatisStore database = null;
        if (!plan.several()) {
            database = remember(openStore());
            store = database;
            takeTheLease(database, first);
        } else {
            instance = Instance.single(instanceId.value());
        }
        startTelegram(database);
        TradingAccount.Host host = new TradingAccount.Host(clock, startedAt, metrics, notifier,
                config.duplicateWindow(), fence, this::instanceNow, plan.several());
        for (Map.Entry<AccountsConfig.Account, BrokerCatalog.Provider> entry : providers.entrySet()) {
            AccountsConfig.Account spec = entry.getKey();
            if (plan.several()) {
                Path folder = config.dataDirectory().resolve("accounts").resolve(spec.name().value());
                MyBatisStore own = remember(MyBatisStore.open(Optional.empty(), folder, clock));
                accounts.add(remember(TradingAccount.start(spec, entry.getValue(), plan.valuesOf(spec, values), folder,
                        own, host)));
            } else {
                accounts.add(remember(TradingAccount.start(spec, entry.getValue(), values, config.dataDirectory(),
                        database, host)));
            }
        }
        if (store == null) {
            store = accounts.get(0).store();
        }
        List<ShadowReports> shadows = followLeaders();
        NetworkConfig network = NetworkConfig.from(values);
        NetworkSummary.warnings(config.host(), network).forEach(log::warn);
        SignalService signals = signalService(plan, network);
        boolean shared = lease != null;
        if (shared) {
            TradingAccount only = accounts.get(0);   // the alerts standbys stored, decided here
            remember(InboxFeed.start(store, only.decisions(), only.account()::prepare));
        }
        List<Object> resources = new ArrayList<>(resources(signals, plan));
        resources.add(new SlippageResource(shadows));
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
            Map<AccountName, TelegramCommandServices> steered = new LinkedHashMap<>();
            accounts.forEach(account -> steered.put(account.spec().name(), new TelegramCommandServices(
                    account.status(), account.control(), account.settings(), account.pnl(), account.broker(),
                    account.store())));
            telegram.startCommands(steered, plan.several());
            remember(telegram::stopCommands);   // at close, commands stop before what they use
        }
        remember(DaemonAddress.write(config.dataDirectory(), server.adminAddress(), server.adminSecure()));
        log.info("tvbridge listening on {}:{} with {}{}", config.host(), server.port(), describeAccounts(plan),
                NetworkSummary.describe(network, server.adminAddress()));
    }

    /**
     * The webhook's way in: straight to the one account's engine, or, with several, through the
     * routes to each account the alert goes to (shadows take their leader's orders, not alerts).
     */
    private SignalService signalService(AccountsConfig plan, NetworkConfig network) {
        WebhookAuthenticator authenticator = new WebhookAuthenticator(config.webhookSecret());
        AlertFreshness freshness = new AlertFreshness(network.maxAlertAge());
        List<AccountRouter.Desk> desks = accounts.stream().map(account -> new AccountRouter.Desk(
                account.spec().name(), account.decisions(), account.account()::prepare)).toList();
        Set<AccountName> names = new LinkedHashSet<>();
        desks.forEach(desk -> names.add(desk.name()));
        Map<AccountName, AccountName> leaders = new LinkedHashMap<>();
        plan.accounts().forEach(account -> account.follows().ifPresent(leader -> leaders.put(account.name(), leader)));
        Set<AccountName> trading = new LinkedHashSet<>();
        plan.trading().forEach(account -> trading.add(account.name()));
        Routes routes = plan.routes().map(text -> Routes.parse(text, names))
                .orElseGet(() -> trading.size() == 1 ? Routes.everythingTo(trading.iterator().next())
                        : Routes.byAlertOnly(names));
        if (plan.several()) {
            log.info("routes: {}", routes.describe());
        }
        return new SignalService(authenticator, new AccountRouter(desks, leaders, routes, plan.several()), redactor,
                freshness, metrics);
    }

    /**
     * Each shadow starts copying its leader's orders: those decided from now on as they are
     * committed, and first those of the last days it has not copied (a crash between the leader's
     * commit and the copy's); an order the leader's broker ends unfilled ends in the shadow too.
     * Returns the shadows' slippage reports.
     */
    private List<ShadowReports> followLeaders() {
        List<ShadowReports> reports = new ArrayList<>();
        for (TradingAccount shadow : accounts) {
            if (shadow.spec().follows().isEmpty()) {
                continue;
            }
            TradingAccount leader = account(shadow.spec().follows().get().value());
            ShadowMirror mirror = new ShadowMirror(leader.name(), shadow.name(), shadow.decisions());
            leader.decisions().addListener(mirror);
            leader.ledger().addListener(mirror);
            mirror.catchUp(leader.store(), shadow.store(), clock.instant().minus(ShadowMirror.CATCH_UP));
            reports.add(new ShadowReports(leader.name(), leader.store(), leader.broker(),
                    leader.account()::valuation, shadow.name(), shadow.store(), clock));
        }
        return reports;
    }

    private String describeAccounts(AccountsConfig plan) {
        if (!plan.several()) {
            return "the " + accounts.get(0).broker().name() + " broker";
        }
        return "accounts " + String.join(", ", accounts.stream().map(account -> account.name() + " ("
                + account.broker().name() + account.spec().follows().map(leader -> ", shadow of " + leader)
                .orElse("") + ")").toList());
    }

    private Instance instanceNow() {
        if (lease == null) {
            return instance;
        }
        return instance.withUndecided(store.inTransaction(StoreSession::inboxState));
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
        accounts.forEach(TradingAccount::stopSending);
        exit.now(EXIT_LEASE_LOST);
    }

    /**
     * With TELEGRAM_BOT_TOKEN set: notices go to the log and to Telegram; commands start once all
     * else runs. The bot keeps its own records in the daemon's database, or, with several accounts,
     * in the data directory's own.
     */
    private void startTelegram(MyBatisStore database) {
        Optional<TelegramConfig> telegramConfig = TelegramConfig.from(values);
        if (telegramConfig.isEmpty()) {
            return;
        }
        Store records = database != null ? database
                : remember(MyBatisStore.open(Optional.empty(), config.dataDirectory(), clock));
        telegram = remember(TelegramBot.create(telegramConfig.get(), records, clock));
        notifier = new FanOutNotifier(List.of(new LoggingNotifier(), telegram.outbox()));
        log.info("Telegram: notices and commands for chat(s) {}", telegramConfig.get().chatIds());
    }

    /**
     * The HTTP resources. A daemon of one account serves that account's admin API and health as
     * they always were (its name is taken as {@code ?account=}); with {@code ACCOUNTS=…} one admin
     * resource serves every account, by {@code ?account=} or side by side, and so do the dashboard
     * and {@code /health}.
     */
    private List<Object> resources(SignalService signals, AccountsConfig plan) {
        List<Object> resources = new ArrayList<>(List.of(new AlertExplainResource(signals, clock),
                MetricsResource.of(metrics, config.metricsPublic()),
                new ApiKeyFilter(config.adminApiKey()), new SecretMasking.Urls(redactor),
                new SecretMasking.AdminBodies(redactor), new WebhookTemplateResource(config.webhookSecret()),
                new DashboardResource()));
        if (plan.several()) {
            AccountsAdminResource admin = new AccountsAdminResource(accounts.stream()
                    .map(account -> new AccountsAdminResource.Account(account.name(), account.adminResource(),
                            account.recordsResource(), account.store())).toList());
            dashboard = new DashboardFeed(DashboardTopics.of(admin));
            resources.add(admin);
            resources.add(HealthResource.of(accounts.stream().map(account -> new HealthResource.Account(
                    account.name(), account.health(), account.spec().follows().map(Object::toString))).toList()));
        } else {
            TradingAccount only = accounts.get(0);
            AdminResource admin = only.adminResource();
            AdminRecordsResource records = only.recordsResource();
            dashboard = new DashboardFeed(DashboardTopics.of(admin, records));
            resources.addAll(List.of(admin, records, new OneAccountFilter(only.name())));
            resources.add(new HealthResource(only.health()));
        }
        resources.add(new AdminEventsResource(dashboard));
        return resources;
    }

    private void createDataDirectory() {
        try {
            Files.createDirectories(config.dataDirectory());
        } catch (IOException e) {
            throw new ConfigException("cannot create the data directory " + config.dataDirectory() + " ("
                    + TvBridgeConfig.DATA_DIR + "): " + e.getMessage());
        }
    }

    private BrokerCatalog.Provider findBroker(BrokerCatalog catalog, AccountsConfig.Account account) {
        String variable = account.name().value().equals(account.broker()) ? TvBridgeConfig.BROKER
                : AccountsConfig.ACCOUNTS;
        return catalog.find(account.broker()).orElseThrow(() -> new ConfigException("unknown broker '"
                + account.broker() + "' (" + variable + "); brokers found: " + String.join(", ", catalog.names())
                + catalog.problems().stream().map(p -> p.source() + ": " + p.message())
                        .reduce((a, b) -> a + "; " + b).map(skipped -> "; plugins skipped: " + skipped).orElse("")));
    }

    private <T extends AutoCloseable> T remember(T component) {
        return started.remember(component);
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

    /** The accounts it trades, in the order {@code ACCOUNTS} names them. */
    public List<TradingAccount> accounts() {
        return List.copyOf(accounts);
    }

    public TradingAccount account(String name) {
        return accounts.stream().filter(account -> account.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no account " + name));
    }

    /** The broker of its first (with {@code BROKER=…}, its only) account; so are the getters below. */
    public BrokerHandle broker() {
        return accounts.get(0).broker();
    }

    public SettingsService settings() {
        return accounts.get(0).settings();
    }

    public TradingControl control() {
        return accounts.get(0).control();
    }

    public Ledger ledger() {
        return accounts.get(0).ledger();
    }

    public DecisionStage decisions() {
        return accounts.get(0).decisions();
    }

    public AccountWatcher account() {
        return accounts.get(0).account();
    }

    public Reconciler reconciler() {
        return accounts.get(0).reconciler();
    }

    public JobScheduler jobs() {
        return accounts.get(0).jobs();
    }

    public TvBridgeConfig config() {
        return config;
    }

    public Duration uptime() {
        return Duration.between(startedAt, clock.instant());
    }

    @Override
    public void close() {
        started.close();
    }
}
