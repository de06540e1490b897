package io.tvbridge.core.store.backup;

import io.tvbridge.core.model.OrderIds;
import io.tvbridge.core.store.AuditEntry;
import io.tvbridge.core.store.DataDirectoryLock;
import io.tvbridge.core.store.StoreException;
import io.tvbridge.core.store.mybatis.MyBatisStore;
import io.tvbridge.core.store.mybatis.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Optional;

/**
 * Puts a backup in place of a stopped daemon's database. The backup is copied into the data
 * directory, opened, read whole and migrated to this build's schema before anything is
 * swapped; the database it replaces is moved to {@code <data-dir>/replaced/}, never deleted.
 */
public final class DatabaseRestore {

    private DatabaseRestore() {
    }

    /**
     * Restores {@code backup} into {@code dataDirectory} (created if needed).
     *
     * @param actor who asked, for the audit trail
     * @throws StoreException when a daemon holds the data directory, or the backup is unusable
     */
    public static RestoreResult restore(Path backup, Path dataDirectory, Clock clock, String actor) {
        try (DataDirectoryLock lock = DataDirectoryLock.acquire(dataDirectory, "tvbridge db restore")) {
            Path staging = dataDirectory.resolve(".restore-" + BackupFolder.stamp(clock.instant()));
            try {
                BackupReader.deleteFolder(staging);
                BackupReader.extract(backup, staging.resolve(BackupReader.DATABASE_FILE));
                BackupContents contents = BackupReader.read(backup, staging);
                refuseNewer(backup, staging);
                String installation = prepare(staging, backup, clock, actor);
                Optional<Path> replaced = swap(staging, dataDirectory, clock);
                return new RestoreResult(contents, replaced, installation);
            } finally {
                BackupReader.deleteFolder(staging);
            }
        }
    }

    private static void refuseNewer(Path backup, Path staging) {
        Schema.Version version = Schema.read(staging);
        if (version.newerThanThisBuild()) {
            throw new StoreException("the backup " + backup + " was written by a newer tvbridge (schema "
                    + version.applied() + ", this build knows up to " + version.known()
                    + "); restore it with that version or a newer one");
        }
    }

    /**
     * Migrates the copy and gives it a new installation id. Client order ids are built from it:
     * orders sent after the backup was taken are unknown to the restored database, and a new
     * prefix keeps its next orders from reusing their ids at the broker.
     */
    private static String prepare(Path staging, Path backup, Clock clock, String actor) {
        String installation = OrderIds.newInstallationId();
        try (MyBatisStore store = MyBatisStore.openH2(staging, clock)) {
            store.inTransaction(session -> {
                Optional<String> before = session.property(OrderIds.INSTALLATION_PROPERTY);
                session.putProperty(OrderIds.INSTALLATION_PROPERTY, installation);
                session.audit(new AuditEntry(clock.instant(), actor, "database.restored", "from " + backup
                        + "; client order ids now start tvb-" + installation + before.map(b -> " (were tvb-" + b + ")")
                        .orElse("")));
                return null;
            });
        }
        return installation;
    }

    private static Optional<Path> swap(Path staging, Path dataDirectory, Clock clock) {
        Path live = dataDirectory.resolve(BackupReader.DATABASE_FILE);
        Optional<Path> aside = Optional.empty();
        try {
            if (Files.exists(live)) {
                aside = Optional.of(keptAsideName(dataDirectory, clock));
                Files.createDirectories(aside.get().getParent());
                Files.move(live, aside.get(), StandardCopyOption.ATOMIC_MOVE);
            }
            try {
                Files.move(staging.resolve(BackupReader.DATABASE_FILE), live, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (aside.isPresent()) {
                    Files.move(aside.get(), live, StandardCopyOption.ATOMIC_MOVE);
                }
                throw e;
            }
            return aside;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put the restored database in place in " + dataDirectory
                    + " (the database there is unchanged): " + e.getMessage(), e);
        }
    }

    private static Path keptAsideName(Path dataDirectory, Clock clock) {
        String stamp = BackupFolder.stamp(clock.instant());
        Path file = dataDirectory.resolve("replaced").resolve("tvbridge-" + stamp + ".mv.db");
        for (int sequence = 2; Files.exists(file); sequence++) {
            file = file.resolveSibling("tvbridge-" + stamp + "-" + sequence + ".mv.db");
        }
        return file;
    }
}
