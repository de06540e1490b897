package io.tvbridge.core.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvbridge.core.config.ConfigException;
import io.tvbridge.core.config.ConfigValues;
import io.tvbridge.core.metrics.BridgeMetrics;
import io.tvbridge.core.store.LeaseLostException;
import io.tvbridge.core.store.TestDatabase;
import io.tvbridge.core.store.mybatis.MyBatisStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The keeper on a real store: it fences commits while it holds the lease, and says once when it lost it. */
@Timeout(30)
class LeaseKeeperTest {
    private static final String A = "a/1@2026-01-05T14:30:00Z";
    private static final String B = "b/2@2026-01-05T14:31:00Z";

    @TempDir
    Path folder;
    private MyBatisStore store;
    private final List<String> losses = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        store = TestDatabase.H2.open(folder, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theTermIsEightSecondsUnlessSetAndItsRenewalAndDeadlineFollowIt() {
        assertThat(LeaseKeeper.term(ConfigValues.layered(Map.of()))).isEqualTo(Duration.ofSeconds(8));
        Duration four = LeaseKeeper.term(ConfigValues.layered(Map.of("LEASE_TERM_SECONDS", "4")));
        assertThat(four).isEqualTo(Duration.ofSeconds(4));
        assertThat(LeaseKeeper.renewEvery(four)).isEqualTo(Duration.ofSeconds(1));
        assertThat(LeaseKeeper.renewDeadline(four)).isEqualTo(Duration.ofMillis(2500));
        assertThat(LeaseKeeper.renewDeadline(LeaseKeeper.TERM)).as("well before the lease can expire")
                .isEqualTo(Duration.ofSeconds(5));
        assertThatThrownBy(() -> LeaseKeeper.term(ConfigValues.layered(Map.of("LEASE_TERM_SECONDS", "3"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("LEASE_TERM_SECONDS must be from 4 to 60");
        assertThatThrownBy(() -> LeaseKeeper.term(ConfigValues.layered(Map.of("LEASE_TERM_SECONDS", "61"))))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void theHoldersCommitPassesAndClosingGivesTheLeaseUp() throws InterruptedException {
        try (LeaseKeeper keeper = LeaseKeeper.acquire(store.engineLease(LeaseKeeper.TERM), A, BridgeMetrics.NONE,
                losses::add)) {
            assertThat(keeper.held().epoch()).isEqualTo(1);
            store.inTransaction(session -> {
                keeper.check(session);
                return null;
            });
        }
        assertThat(store.engineLease(LeaseKeeper.TERM).tryAcquire(B).epoch()).isEqualTo(2);
        assertThat(losses).isEmpty();
    }

    @Test
    void aCommitAfterAnotherTookTheLeaseIsRefusedAndTheLossToldOnce() throws InterruptedException {
        // a lease that expires as soon as it is taken: B may take it at once
        try (LeaseKeeper keeper = LeaseKeeper.acquire(store.engineLease(Duration.ZERO), A, BridgeMetrics.NONE,
                losses::add)) {
            store.engineLease(LeaseKeeper.TERM).tryAcquire(B);

            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> store.inTransaction(session -> {
                    keeper.check(session);
                    return null;
                })).isInstanceOf(LeaseLostException.class);
            }
            assertThat(losses).hasSize(1);
            assertThat(losses.get(0)).contains(A);
        }
        assertThat(store.engineLease(LeaseKeeper.TERM).tryAcquire(A).holder()).as("closing left B's lease")
                .isEqualTo(B);
    }

    @Test
    void aRefusedRenewalIsALoss() throws InterruptedException {
        try (LeaseKeeper keeper = LeaseKeeper.acquire(store.engineLease(Duration.ZERO), A, BridgeMetrics.NONE,
                losses::add)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (losses.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(losses).singleElement().asString().contains("renewal was refused");
        }
    }
}
