package io.tvbridge.core.store.backup;

import io.tvbridge.core.store.AuditEntry;
import io.tvbridge.core.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Backups of the running daemon's database, on request (admin API, {@code tvbridge db backup})
 * and by the daily job: a checked copy written while alerts keep coming, older backups in the
 * same folder beyond the newest {@code keep} deleted, and the backup recorded in the audit trail.
 */
public final class BackupService {

    /** The backup written and the older ones deleted to keep the count. */
    public record Result(BackupContents contents, List<Path> deleted) {
        public Result {
            Objects.requireNonNull(contents, "contents");
            deleted = List.copyOf(deleted);
        }
    }

    private final Store store;
    private final Path dataDirectory;
    private final Clock clock;

    public BackupService(Store store, Path dataDirectory, Clock clock) {
        this.store = store;
        this.dataDirectory = dataDirectory;
        this.clock = clock;
    }

    /**
     * Writes a backup to {@code to}, or to a new file in the data directory's backup folder, then
     * keeps the newest {@code keep} backups of that folder (0: deletes none).
     */
    public Result backUp(Optional<Path> to, int keep, String actor) {
        Path target = to.map(Path::toAbsolutePath).orElseGet(() -> BackupFolder.of(dataDirectory)
                .newFile(clock.instant()));
        BackupContents contents = DatabaseBackups.backUpRunning(store, target);
        List<Path> deleted = keep > 0 ? new BackupFolder(target.getParent()).keepNewest(keep) : List.of();
        store.inTransaction(session -> {
            session.audit(new AuditEntry(clock.instant(), actor, "db.backup", contents.file() + ": "
                    + contents.summary() + (deleted.isEmpty() ? "" : "; deleted the older " + deleted)));
            return null;
        });
        return new Result(contents, deleted);
    }
}
