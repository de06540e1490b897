package io.tvbridge.core.store.backup;

import io.tvbridge.core.store.DataDirectoryLock;
import io.tvbridge.core.store.Store;
import io.tvbridge.core.store.StoreException;
import io.tvbridge.core.store.mybatis.MyBatisStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Backups that are checked: each is written, then opened and read whole, and a backup that does
 * not read back is deleted and reported, so that a folder of backups holds only good ones.
 */
public final class DatabaseBackups {

    private DatabaseBackups() {
    }

    /**
     * Backs up the database of a running daemon through its own store, while alerts keep coming.
     *
     * @param target a file that does not exist yet, e.g. {@link BackupFolder#newFile}
     */
    public static BackupContents backUpRunning(Store store, Path target) {
        store.backupTo(target);
        return checked(target);
    }

    /**
     * Backs up the database in the data directory of a stopped daemon, unchanged (not migrated).
     *
     * @throws StoreException when a daemon holds the data directory or it holds no database
     */
    public static BackupContents backUpStopped(Path dataDirectory, Path target) {
        MyBatisStore.requireH2(dataDirectory);
        try (DataDirectoryLock lock = DataDirectoryLock.acquire(dataDirectory, "tvbridge db backup")) {
            MyBatisStore.backupStopped(dataDirectory, target);
            return checked(target);
        }
    }

    private static BackupContents checked(Path backup) {
        try {
            return BackupReader.inspect(backup);
        } catch (RuntimeException e) {
            try {
                Files.deleteIfExists(backup);
            } catch (IOException deleteFailed) {
                e.addSuppressed(new UncheckedIOException(deleteFailed));
            }
            throw new StoreException("the backup did not read back and was deleted: " + e.getMessage(), e);
        }
    }
}
