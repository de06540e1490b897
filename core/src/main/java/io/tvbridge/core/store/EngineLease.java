package io.tvbridge.core.store;

/**
 * The lease that lets one daemon at a time run the engine on a shared database. Every rule is one
 * statement the database decides with its own clock, so two daemons racing for it, or with clocks
 * that disagree, still see one holder. Any method may throw a {@link RuntimeException} when the
 * database does not answer.
 */
public interface EngineLease {

    /**
     * Takes the lease for {@code holder} when nobody holds it, when it expired, or when {@code holder}
     * holds it already (then it is renewed). The epoch grows whenever the holder changes.
     *
     * @return the lease as it is now: {@code holder}'s, or the one who holds it and until when
     */
    Lease tryAcquire(String holder);

    /** Extends the lease by its term; false when it is not {@code holder}'s at {@code epoch} any more, or expired. */
    boolean renew(String holder, long epoch);

    /**
     * One statement in {@code session}'s transaction that throws unless the lease is still
     * {@code holder}'s at {@code epoch} and not expired; it also keeps the lease row from changing
     * until that transaction ends, so nobody takes the lease between this check and the commit.
     *
     * @throws LeaseLostException when the lease is not {@code holder}'s at {@code epoch} any more
     */
    void fence(StoreSession session, String holder, long epoch);

    /** Lets the lease expire now, when it is still {@code holder}'s at {@code epoch}, so the next daemon need not wait. */
    void release(String holder, long epoch);
}
