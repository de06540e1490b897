package io.tvbridge.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvbridge.core.store.mybatis.MyBatisStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The engine lease's rules on both databases: who may take it, when the epoch moves, and that the
 * fence refuses a stale holder's commit with everything else the transaction wrote.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class EngineLeaseTest {
    private static final Duration TERM = Duration.ofSeconds(10);
    private static final String A = "host-a/100@2026-01-05T14:30:00Z";
    private static final String B = "host-b/200@2026-01-05T14:31:00Z";

    @Parameter
    TestDatabase database;
    @TempDir
    Path folder;
    private MyBatisStore store;
    private EngineLease lease;

    @BeforeEach
    void open() {
        store = database.open(folder, Clock.systemUTC());
        lease = store.engineLease(TERM);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aFreeLeaseIsTakenAtTheFirstEpoch() {
        Lease taken = lease.tryAcquire(A);

        assertThat(taken.holder()).isEqualTo(A);
        assertThat(taken.epoch()).isEqualTo(1);
        assertThat(taken.acquiredAt()).isEqualTo(taken.renewedAt());
        assertThat(Duration.between(taken.renewedAt(), taken.expiresAt())).isEqualTo(TERM);
    }

    @Test
    void aLiveLeaseIsRefusedToAnotherNamingItsHolderAndWhenItEnds() {
        Lease held = lease.tryAcquire(A);

        Lease refused = lease.tryAcquire(B);

        assertThat(refused.heldBy(B)).isFalse();
        assertThat(refused).isEqualTo(held);
    }

    @Test
    void itsHolderTakesItAgainAtTheSameEpoch() {
        Lease first = lease.tryAcquire(A);

        Lease again = lease.tryAcquire(A);

        assertThat(again.epoch()).isEqualTo(first.epoch());
        assertThat(again.acquiredAt()).isEqualTo(first.acquiredAt());
        assertThat(again.expiresAt()).isAfterOrEqualTo(first.expiresAt());
    }

    @Test
    void anExpiredLeaseIsTakenByAnotherAtTheNextEpoch() {
        store.engineLease(Duration.ZERO).tryAcquire(A);   // expires as soon as it is taken

        Lease taken = lease.tryAcquire(B);

        assertThat(taken.holder()).isEqualTo(B);
        assertThat(taken.epoch()).isEqualTo(2);
        assertThat(lease.renew(A, 1)).as("the old holder's renewal").isFalse();
    }

    @Test
    void theHolderRenewsAndAStaleEpochOrAnotherHolderDoesNot() {
        Lease taken = lease.tryAcquire(A);

        assertThat(lease.renew(A, taken.epoch())).isTrue();
        assertThat(lease.renew(A, taken.epoch() - 1)).isFalse();
        assertThat(lease.renew(B, taken.epoch())).isFalse();
    }

    @Test
    void anExpiredLeaseIsNotRenewed() {
        Lease taken = store.engineLease(Duration.ZERO).tryAcquire(A);

        assertThat(lease.renew(A, taken.epoch())).isFalse();
    }

    @Test
    void aReleasedLeaseIsTakenAtOnce() {
        Lease first = lease.tryAcquire(A);
        lease.release(A, first.epoch());

        assertThat(lease.tryAcquire(B).epoch()).isEqualTo(first.epoch() + 1);
    }

    @Test
    void theFencePassesTheHoldersCommit() {
        Lease taken = lease.tryAcquire(A);

        store.inTransaction(session -> {
            session.putProperty("fenced", "committed");
            lease.fence(session, A, taken.epoch());
            return null;
        });

        assertThat(property()).contains("committed");
    }

    @Test
    void theFenceRefusesAStaleEpochAndItsTransactionWritesNothing() {
        store.engineLease(Duration.ZERO).tryAcquire(A);
        lease.tryAcquire(B);

        assertThatThrownBy(() -> store.inTransaction(session -> {
            session.putProperty("fenced", "lost");
            lease.fence(session, A, 1);
            return null;
        })).isInstanceOf(LeaseLostException.class).hasMessageContaining(A).hasMessageContaining("epoch 1");

        assertThat(property()).isEmpty();
    }

    @Test
    void theFenceRefusesAnExpiredLeaseEvenToItsHolder() {
        Lease taken = store.engineLease(Duration.ZERO).tryAcquire(A);

        assertThatThrownBy(() -> store.inTransaction(session -> {
            lease.fence(session, A, taken.epoch());
            return null;
        })).isInstanceOf(LeaseLostException.class);
    }

    private Optional<String> property() {
        return store.inTransaction(session -> session.property("fenced"));
    }
}
