package io.tvbridge.core.store;

import java.nio.file.Path;
import java.util.function.Function;

/** The database: sessions over it, and whether it answers. */
public interface Store extends AutoCloseable {

    /** A session with its own transaction; commit or roll back before closing it. */
    StoreSession open();

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    default <T> T inTransaction(Function<StoreSession, T> work) {
        try (StoreSession session = open()) {
            try {
                T result = work.apply(session);
                session.commit();
                return result;
            } catch (RuntimeException e) {
                session.rollback();
                throw e;
            }
        }
    }

    /**
     * Writes a copy of the whole database, consistent as of one moment, to {@code target} while
     * work goes on. The file must not exist yet.
     *
     * @throws StoreException when this database cannot be backed up this way, or the file exists
     */
    void backupTo(Path target);

    /** Which database this is: {@code h2} (embedded, the default) or {@code postgresql}. */
    default String kind() {
        return "h2";
    }

    /** Whether a trivial query answers now. Never throws. */
    boolean healthy();

    @Override
    void close();
}
