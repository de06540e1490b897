package io.tvbridge.core.store.mybatis;

import io.tvbridge.core.store.EngineLease;
import io.tvbridge.core.store.Lease;
import io.tvbridge.core.store.LeaseLostException;
import io.tvbridge.core.store.StoreSession;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/** The {@link EngineLease} in the {@code engine_lease} row, each call in a short transaction of its own. */
final class MyBatisEngineLease implements EngineLease {
    private final SqlSessionFactory sessions;
    private final long termSeconds;

    MyBatisEngineLease(SqlSessionFactory sessions, Duration term) {
        Objects.requireNonNull(term, "term");
        if (term.isNegative() || term.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("a lease's term is whole seconds: " + term);
        }
        this.sessions = sessions;
        this.termSeconds = term.toSeconds();
    }

    @Override
    public Lease tryAcquire(String holder) {
        requireHolder(holder);
        return inTransaction(lease -> {
            lease.acquire(holder, termSeconds);
            return lease.current();
        });
    }

    @Override
    public boolean renew(String holder, long epoch) {
        return inTransaction(lease -> lease.renew(holder, epoch, termSeconds)) == 1;
    }

    @Override
    public void fence(StoreSession session, String holder, long epoch) {
        if (!(session instanceof MyBatisStoreSession mine)) {
            throw new IllegalArgumentException("the lease fences sessions of its own store only");
        }
        if (mine.mapper(LeaseMapper.class).fence(holder, epoch).isEmpty()) {
            throw new LeaseLostException("the engine's lease is no longer " + holder + "'s at epoch " + epoch
                    + ", or it expired: this commit is refused");
        }
    }

    @Override
    public void release(String holder, long epoch) {
        inTransaction(lease -> lease.release(holder, epoch));
    }

    private <T> T inTransaction(Function<LeaseMapper, T> work) {
        try (SqlSession session = sessions.openSession(false)) {
            T result = work.apply(session.getMapper(LeaseMapper.class));
            session.commit(true);
            return result;
        }
    }

    /** An empty holder marks the lease that nobody ever held. */
    private static void requireHolder(String holder) {
        if (holder.isBlank()) {
            throw new IllegalArgumentException("a lease's holder has a name");
        }
    }
}
