package io.tvbridge.core.lease;

import io.tvbridge.core.concurrent.Timers;
import io.tvbridge.core.config.ConfigException;
import io.tvbridge.core.config.ConfigValues;
import io.tvbridge.core.metrics.BridgeMetrics;
import io.tvbridge.core.store.CommitFence;
import io.tvbridge.core.store.EngineLease;
import io.tvbridge.core.store.Lease;
import io.tvbridge.core.store.LeaseLostException;
import io.tvbridge.core.store.StoreSession;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the engine lease for this daemon on a database several daemons share: takes it (waiting
 * while another instance holds it), renews it, fences the engine's commits with it, and says
 * once when it is lost, so that the daemon stops sending orders before the lease can expire and
 * another instance take over.
 *
 * <p>The lease runs its term ({@link #TERM} unless {@code LEASE_TERM_SECONDS} says otherwise) and
 * is renewed every quarter of it. A renewal refused, or no renewal for five eighths of the term (a
 * database that does not answer), counts as lost: that deadline falls well before the lease can
 * expire, so this daemon has stopped before anyone else may start.
 */
public final class LeaseKeeper implements CommitFence, AutoCloseable {
    /** The lease's term by default: a standby takes over within about 9 s of the leader's death. */
    public static final Duration TERM = Duration.ofSeconds(8);
    /** The setting that changes the term: shorter fails over sooner and renews more often. */
    public static final String LEASE_TERM_SECONDS = "LEASE_TERM_SECONDS";
    private static final Duration SHORTEST_TERM = Duration.ofSeconds(4);
    private static final Duration LONGEST_TERM = Duration.ofSeconds(60);
    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final Duration DEADLINE_CHECK = Duration.ofMillis(250);
    private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);

    /** Told once, on a timer thread or the engine's, that the lease is lost; must stop the orders at once. */
    @FunctionalInterface
    public interface Loss {
        void leaseLost(String reason);
    }

    private final EngineLease lease;
    private final Duration term;
    private final Lease held;
    private final Loss loss;
    private final AtomicBoolean lost = new AtomicBoolean();
    private final ScheduledExecutorService timer;
    /** {@link System#nanoTime} when the last successful renewal was sent: the lease runs at least until then + TERM. */
    private volatile long renewedAt;

    private LeaseKeeper(EngineLease lease, Duration term, Lease held, long takenAt, Loss loss) {
        this.lease = lease;
        this.term = term;
        this.held = held;
        this.loss = loss;
        this.renewedAt = takenAt;
        // two threads: a renewal stuck on an unanswering database must not keep the deadline from being checked
        this.timer = Timers.of("tvbridge-lease", 2);
        timer.scheduleWithFixedDelay(this::renew, renewEvery(term).toMillis(), renewEvery(term).toMillis(),
                TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::checkDeadline, DEADLINE_CHECK.toMillis(), DEADLINE_CHECK.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Takes the lease for {@code holder}, trying every second while another instance holds it (said
     * once per holder) or the database does not answer (said once per error), then keeps it.
     *
     * @throws InterruptedException when the daemon is stopped while it waits
     */
    public static LeaseKeeper acquire(EngineLease lease, String holder, BridgeMetrics metrics, Loss loss)
            throws InterruptedException {
        return acquire(lease, TERM, holder, metrics, loss, held -> { });
    }

    /** The term {@code values} set ({@link #LEASE_TERM_SECONDS}), {@link #TERM} by default. */
    public static Duration term(ConfigValues values) {
        Duration term = values.seconds(LEASE_TERM_SECONDS, TERM);
        if (term.compareTo(SHORTEST_TERM) < 0 || term.compareTo(LONGEST_TERM) > 0) {
            throw new ConfigException(LEASE_TERM_SECONDS + " must be from " + SHORTEST_TERM.toSeconds() + " to "
                    + LONGEST_TERM.toSeconds() + " seconds, but is " + term.toSeconds());
        }
        return term;
    }

    /** How often a lease of {@code term} is renewed: four times a term. */
    public static Duration renewEvery(Duration term) {
        return term.dividedBy(4);
    }

    /** How long without a renewal a holder of a lease of {@code term} counts it lost: five eighths of it. */
    public static Duration renewDeadline(Duration term) {
        return term.multipliedBy(5).dividedBy(8);
    }

    /**
     * As {@link #acquire(EngineLease, String, BridgeMetrics, Loss)} for {@code lease} of {@code term},
     * telling {@code seen} the lease as read at each try while another instance holds it (a standby
     * shows who trades).
     */
    public static LeaseKeeper acquire(EngineLease lease, Duration term, String holder, BridgeMetrics metrics,
                                      Loss loss, Consumer<Lease> seen) throws InterruptedException {
        Objects.requireNonNull(loss, "loss");
        String said = "";
        while (true) {
            long sentAt = System.nanoTime();
            Lease now;
            try {
                now = lease.tryAcquire(holder);
            } catch (RuntimeException e) {
                String failed = "cannot take the engine lease: " + e.getMessage();
                if (!failed.equals(said)) {
                    log.warn("{}; trying again every second", failed);
                    said = failed;
                }
                Thread.sleep(RETRY.toMillis());
                continue;
            }
            if (now.heldBy(holder)) {
                metrics.leaseTaken();
                log.info("took the engine lease as {} (epoch {}); this instance trades", holder, now.epoch());
                return new LeaseKeeper(lease, term, now, sentAt, loss);
            }
            String waiting = "the engine lease is held by " + now.holder() + " (epoch " + now.epoch() + ")";
            if (!waiting.equals(said)) {
                log.warn("{} until {}: waiting for it, trying again every second; meanwhile this instance"
                        + " stores the alerts it receives for the holder to decide", waiting, now.expiresAt());
                said = waiting;
            }
            seen.accept(now);   // outside the try: what it does failing is no failure to take the lease
            Thread.sleep(RETRY.toMillis());
        }
    }

    /** The lease as this daemon took it: its holder, epoch and since when. */
    public Lease held() {
        return held;
    }

    /** The fence of the engine's commits: the lease is still ours at our epoch and not expired. */
    @Override
    public void check(StoreSession session) {
        if (lost.get()) {
            throw new LeaseLostException("the engine lease was lost: this instance commits nothing more");
        }
        try {
            lease.fence(session, held.holder(), held.epoch());
        } catch (LeaseLostException e) {
            lose(e.getMessage());
            throw e;
        }
    }

    private void renew() {
        if (lost.get()) {
            return;
        }
        long sentAt = System.nanoTime();
        try {
            if (lease.renew(held.holder(), held.epoch())) {
                renewedAt = sentAt;
            } else {
                lose("the renewal was refused: the lease is no longer " + held.holder() + "'s at epoch "
                        + held.epoch());
            }
        } catch (RuntimeException e) {
            // the deadline decides; a database that comes back in time costs nothing
            log.warn("renewing the engine lease failed: {}", e.getMessage());
        }
    }

    private void checkDeadline() {
        long silent = System.nanoTime() - renewedAt;
        if (silent > renewDeadline(term).toNanos()) {
            lose("no renewal for " + Duration.ofNanos(silent).toMillis() + " ms (the database does not answer);"
                    + " the lease expires " + term.toSeconds() + " s after the last one");
        }
    }

    private void lose(String reason) {
        if (lost.compareAndSet(false, true)) {
            timer.shutdown();
            loss.leaseLost(reason);
        }
    }

    /** Stops renewing and, unless it was lost, lets the lease expire now so the next instance need not wait. */
    @Override
    public void close() {
        timer.shutdownNow();
        if (lost.compareAndSet(false, true)) {
            try {
                lease.release(held.holder(), held.epoch());
            } catch (RuntimeException e) {
                log.warn("could not release the engine lease (it expires by itself): {}", e.getMessage());
            }
        }
    }
}
