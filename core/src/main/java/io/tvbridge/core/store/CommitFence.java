package io.tvbridge.core.store;

/**
 * What the engine's transaction must pass just before its commit: with several daemons on one
 * database, that this daemon still holds the engine's lease. {@link #NONE} passes everything, for
 * a store only one daemon can open (H2 in its locked data directory), and adds no statement.
 */
@FunctionalInterface
public interface CommitFence {

    /** Passes everything. */
    CommitFence NONE = session -> {
    };

    /**
     * Called on the engine's thread inside the transaction about to be committed.
     *
     * @throws LeaseLostException when the commit must not happen; the caller rolls the transaction back
     */
    void check(StoreSession session);
}
