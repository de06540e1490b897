package io.tvbridge.cli;

import io.tvbridge.core.account.AccountName;
import io.tvbridge.core.account.routes.AccountRouter;
import io.tvbridge.core.account.routes.Routes;
import io.tvbridge.core.concurrent.Timers;
import io.tvbridge.core.alert.AlertFreshness;
import io.tvbridge.core.alert.WebhookAuthenticator;
import io.tvbridge.core.config.ConfigValues;
import io.tvbridge.core.config.NetworkConfig;
import io.tvbridge.core.config.Redactor;
import io.tvbridge.core.config.TvBridgeConfig;
import io.tvbridge.core.health.HealthService;
import io.tvbridge.core.health.Instance;
import io.tvbridge.core.settings.SettingsService;
import io.tvbridge.core.signal.SignalService;
import io.tvbridge.core.signal.StandbyIntake;
import io.tvbridge.core.store.Lease;
import io.tvbridge.core.store.Store;
import io.tvbridge.core.store.StoreSession;
import io.tvbridge.server.ApiKeyFilter;
import io.tvbridge.server.HealthResource;
import io.tvbridge.server.SecretMasking;
import io.tvbridge.server.StandbyAdminResource;
import io.tvbridge.server.WebhookGuard;
import io.tvbridge.server.WebhookHandler;
import io.tvbridge.server.WebhookServer;
import io.tvbridge.server.metrics.MetricsResource;
import io.tvbridge.server.metrics.PrometheusMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An instance on a shared database while another holds the engine lease: it connects no broker and
 * decides nothing, but it takes webhooks, stores each alert for the instance that trades
 * ({@link StandbyIntake}) and answers with the decision when it comes in time; {@code /health}
 * names it a standby and the leader, and {@code /ready} is 200 while the database answers, so a
 * load balancer may send it alerts. When it takes the lease, the trading server opens on the same
 * port before this one closes.
 */
final class Standby implements AutoCloseable {
    /** How often the settings are read again: the leader changes them, and a standby checks alerts against them. */
    private static final Duration SETTINGS_REFRESH = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(Standby.class);

    private final WebhookServer server;
    private final StandbyIntake intake;
    private final ScheduledExecutorService timer;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Standby(WebhookServer server, StandbyIntake intake, ScheduledExecutorService timer) {
        this.server = server;
        this.intake = intake;
        this.timer = timer;
    }

    /** Starts taking webhooks on the configured port; {@code leader} is the lease as last seen. */
    static Standby start(TvBridgeConfig config, ConfigValues values, Clock clock, Store store, Redactor redactor,
                         PrometheusMetrics metrics, String brokerName, String brokerVersion, String instanceId,
                         AtomicReference<Lease> leader) {
        Instant startedAt = clock.instant();
        SettingsService settings = new SettingsService(store, clock);
        settings.load(values);
        ScheduledExecutorService timer = Timers.single("tvbridge-standby-settings");
        timer.scheduleWithFixedDelay(() -> refresh(settings, values), SETTINGS_REFRESH.toMillis(),
                SETTINGS_REFRESH.toMillis(), TimeUnit.MILLISECONDS);
        StandbyIntake intake = new StandbyIntake(store, instanceId, settings::current, config.duplicateWindow(), clock);
        NetworkConfig network = NetworkConfig.from(values);
        // routed as the trading instance routes (its one account, named after its broker): an alert naming
        // another account is refused here too
        AccountName account = AccountName.of(brokerName);
        AccountRouter router = new AccountRouter(List.of(new AccountRouter.Desk(account, intake, ref -> { })),
                Routes.everythingTo(account), false);
        SignalService signals = new SignalService(new WebhookAuthenticator(config.webhookSecret()), router, redactor,
                new AlertFreshness(network.maxAlertAge()), metrics);
        HealthService health = HealthService.standby(brokerName, brokerVersion, store, clock, startedAt,
                () -> settings.current().dryRun(), () -> Instance.standby(instanceId, Optional.ofNullable(leader.get()))
                        .withUndecided(store.inTransaction(StoreSession::inboxState)));
        WebhookHandler webhook = new WebhookHandler(signals, new WebhookGuard(network, metrics), clock,
                network.secretInUrl());
        List<Object> resources = List.of(new HealthResource(health), MetricsResource.of(metrics, config.metricsPublic()),
                new ApiKeyFilter(config.adminApiKey()), new SecretMasking.Urls(redactor),
                new StandbyAdminResource(() -> Optional.ofNullable(leader.get()).map(Lease::holder).orElse("")));
        WebhookServer server;
        try {
            server = new WebhookServer(config.host(), config.port(), network, Optional.of(webhook), resources)
                    .sharingPorts().start();
        } catch (RuntimeException e) {
            intake.close();
            timer.shutdownNow();
            throw e;
        }
        log.info("standby: taking webhooks on {}:{} and storing them for the instance that trades", config.host(),
                server.port());
        return new Standby(server, intake, timer);
    }

    private static void refresh(SettingsService settings, ConfigValues values) {
        try {
            settings.load(values);
        } catch (RuntimeException e) {
            log.warn("standby: cannot read the settings again: {}", e.getMessage());
        }
    }

    int port() {
        return server.port();
    }

    /** Stops taking webhooks; those in flight are answered (each was stored, or refused). */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        timer.shutdownNow();
        server.close();
        intake.close();
    }
}
