package io.tvbridge.core.store.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvbridge.core.model.OrderIds;
import io.tvbridge.core.store.AuditEntry;
import io.tvbridge.core.store.DataDirectoryLock;
import io.tvbridge.core.store.StoreException;
import io.tvbridge.core.store.StoreRows;
import io.tvbridge.core.store.mybatis.MyBatisStore;
import io.tvbridge.core.store.mybatis.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Backups of a running and of a stopped database, and restores that check before they swap. */
@Timeout(120)
class BackupRestoreTest {
    private static final Instant T0 = Instant.parse("2026-02-02T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    @TempDir
    Path folder;

    private Path dataWithTrades(String name, int trades) {
        Path data = folder.resolve(name);
        try (MyBatisStore store = MyBatisStore.openH2(data, CLOCK)) {
            for (int i = 1; i <= trades; i++) {
                StoreRows.insertTrade(store, i, "E-" + i, T0.plusSeconds(i));
            }
        }
        return data;
    }

    private static long signals(Path data) {
        try (MyBatisStore store = MyBatisStore.openH2(data, CLOCK)) {
            return store.inTransaction(session -> session.maxSignalId());
        }
    }

    @Test
    void anOnlineBackupIsOneConsistentMomentWhileTradesKeepComing() throws Exception {
        ExecutorService writer = Executors.newSingleThreadExecutor();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong written = new AtomicLong();
        List<BackupContents> backups = new ArrayList<>();
        try (MyBatisStore store = MyBatisStore.openH2(folder.resolve("data"), CLOCK)) {
            Future<?> trades = writer.submit(() -> {
                while (writing.get()) {
                    long id = written.incrementAndGet();
                    StoreRows.insertTrade(store, id, "E-" + id, T0);   // signal, order and fill in one commit
                }
            });
            BackupFolder folder = BackupFolder.of(this.folder.resolve("data"));
            for (int i = 0; i < 4; i++) {
                while (written.get() < 50L * (i + 1)) {
                    Thread.sleep(5);
                }
                backups.add(DatabaseBackups.backUpRunning(store, folder.newFile(T0.plusSeconds(i))));
            }
            writing.set(false);
            trades.get();
            assertThat(folder.newestFirst()).hasSize(4);
        } finally {
            writer.shutdownNow();
        }
        for (BackupContents backup : backups) {
            assertThat(backup.signals()).isPositive();
            assertThat(backup.orders()).as("every signal's order, nothing half-committed").isEqualTo(backup.signals());
            assertThat(backup.fills()).isEqualTo(backup.signals());
            assertThat(backup.bytes()).isEqualTo(Files.size(backup.file()));
        }
        assertThat(backups).extracting(BackupContents::signals).isSorted();
        assertThat(folder.resolve("data/backups")).isDirectoryNotContaining("glob:**.check")
                .isDirectoryNotContaining("glob:**.partial");
    }

    @Test
    void aStoppedDataDirectoryIsBackedUpAsItIsWithoutMigratingIt() {
        Path data = folder.resolve("old");
        Flyway.configure().dataSource(MyBatisStore.h2Url(data), "sa", "").locations("classpath:db/migration")
                .target("1").load().migrate();

        BackupContents backup = DatabaseBackups.backUpStopped(data, folder.resolve("old.zip"));

        assertThat(backup.schemaVersion()).isEqualTo(1);
        assertThat(backup.signals()).isZero();
        assertThat(backup.summary()).isEqualTo("0 signals, 0 orders, 0 fills (schema 1)");
        assertThat(Schema.read(data).applied()).isEqualTo(1);
    }

    @Test
    void aBackupNeedsADatabaseAFreeNameAndAStoppedDaemon() throws IOException {
        assertThatThrownBy(() -> DatabaseBackups.backUpStopped(folder.resolve("empty"), folder.resolve("a.zip")))
                .isInstanceOf(StoreException.class).hasMessage("there is no tvbridge database in "
                        + folder.resolve("empty"));
        assertThat(folder.resolve("empty")).doesNotExist();

        Path data = dataWithTrades("data", 2);
        Path taken = Files.writeString(folder.resolve("taken.zip"), "mine");
        assertThatThrownBy(() -> DatabaseBackups.backUpStopped(data, taken))
                .isInstanceOf(StoreException.class).hasMessageContaining("exists already");
        assertThat(taken).hasContent("mine");

        try (DataDirectoryLock daemon = DataDirectoryLock.acquire(data, "tvbridge run")) {
            assertThatThrownBy(() -> DatabaseBackups.backUpStopped(data, folder.resolve("b.zip")))
                    .isInstanceOf(StoreException.class).hasMessageContaining("stop it first");
        }
        assertThat(folder.resolve("b.zip")).doesNotExist();
    }

    @Test
    void aRestoreKeepsTheReplacedDatabaseAndGivesNewOrdersANewIdPrefix() {
        Path data = dataWithTrades("data", 3);
        String installation = "oldone";
        try (MyBatisStore store = MyBatisStore.openH2(data, CLOCK)) {
            store.inTransaction(s -> {
                s.putProperty(OrderIds.INSTALLATION_PROPERTY, installation);
                return null;
            });
        }
        BackupContents backup = DatabaseBackups.backUpStopped(data, folder.resolve("three.zip"));
        try (MyBatisStore store = MyBatisStore.openH2(data, CLOCK)) {
            StoreRows.insertTrade(store, 4, "E-4", T0);
            StoreRows.insertTrade(store, 5, "E-5", T0);
        }

        RestoreResult result = DatabaseRestore.restore(backup.file(), data, CLOCK, "cli");

        assertThat(result.restored().signals()).isEqualTo(3);
        assertThat(signals(data)).isEqualTo(3);
        Path replaced = result.replacedKeptAt().orElseThrow();
        assertThat(replaced).isEqualTo(data.resolve("replaced/tvbridge-20260202T100000Z.mv.db"));
        assertThat(result.installationId()).isNotEqualTo(installation).matches("[a-z2-9]{6}");
        try (MyBatisStore store = MyBatisStore.openH2(data, CLOCK)) {
            Optional<String> property = store.inTransaction(s -> s.property(OrderIds.INSTALLATION_PROPERTY));
            assertThat(property).contains(result.installationId());
            List<AuditEntry> audit = store.inTransaction(s -> s.recentAudit(1));
            assertThat(audit).singleElement().satisfies(entry -> {
                assertThat(entry.action()).isEqualTo("database.restored");
                assertThat(entry.actor()).isEqualTo("cli");
                assertThat(entry.details()).contains("three.zip").contains("tvb-" + result.installationId())
                        .contains("were tvb-oldone");
            });
        }
        assertThat(data).isDirectoryNotContaining("glob:**/.restore-*");

        // the database kept aside is a backup too: restoring it undoes the restore
        RestoreResult undo = DatabaseRestore.restore(replaced, data, Clock.offset(CLOCK, Duration.ofMinutes(1)),
                "cli");
        assertThat(undo.restored().signals()).isEqualTo(5);
        assertThat(signals(data)).isEqualTo(5);
        assertThat(undo.replacedKeptAt()).contains(data.resolve("replaced/tvbridge-20260202T100100Z.mv.db"));
    }

    @Test
    void aRestoreIntoAnEmptyDirectoryReplacesNothing() {
        BackupContents backup = DatabaseBackups.backUpStopped(dataWithTrades("data", 2), folder.resolve("two.zip"));
        Path fresh = folder.resolve("fresh/data");

        RestoreResult result = DatabaseRestore.restore(backup.file(), fresh, CLOCK, "cli");

        assertThat(result.replacedKeptAt()).isEmpty();
        assertThat(signals(fresh)).isEqualTo(2);
    }

    @Test
    void aRestoreIsRefusedWhileADaemonHoldsTheDirectory() {
        Path data = dataWithTrades("data", 2);
        BackupContents backup = DatabaseBackups.backUpStopped(data, folder.resolve("two.zip"));
        Path other = dataWithTrades("other", 4);
        try (DataDirectoryLock daemon = DataDirectoryLock.acquire(other, "tvbridge run")) {
            assertThatThrownBy(() -> DatabaseRestore.restore(backup.file(), other, CLOCK, "cli"))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("the data directory " + other + " is in use by a running tvbridge")
                    .hasMessageContaining("stop it first");
        }
        assertThat(signals(other)).isEqualTo(4);
        assertThat(other.resolve("replaced")).doesNotExist();
    }

    @Test
    void aDamagedBackupIsRefusedAndNothingIsSwapped() throws IOException {
        Path data = dataWithTrades("data", 3);
        Path zip = DatabaseBackups.backUpStopped(data, folder.resolve("good.zip")).file();
        byte[] bytes = Files.readAllBytes(zip);
        bytes[bytes.length / 2] ^= 0x5a;
        Path damaged = Files.write(folder.resolve("damaged.zip"), bytes);
        Path truncated = Files.write(folder.resolve("truncated.zip"), Arrays.copyOf(bytes, bytes.length / 3));
        Path text = Files.writeString(folder.resolve("notes.zip"), "not a backup");

        for (Path bad : List.of(damaged, truncated, text, folder.resolve("missing.zip"))) {
            assertThatThrownBy(() -> DatabaseRestore.restore(bad, data, CLOCK, "cli"))
                    .as(bad.toString()).isInstanceOf(StoreException.class).hasMessageContaining(bad.toString());
        }
        assertThatThrownBy(() -> BackupReader.inspect(damaged)).isInstanceOf(StoreException.class)
                .hasMessageContaining("is not a usable tvbridge backup");
        assertThat(signals(data)).isEqualTo(3);
        assertThat(data.resolve("replaced")).doesNotExist();
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith(".restore"));
        }
    }

    @Test
    void aBackupOfANewerTvbridgeIsKeptButNotRestored() throws Exception {
        Path newer = dataWithTrades("newer", 2);
        int future = StoreRows.addFutureMigration(newer);
        BackupContents backup = DatabaseBackups.backUpStopped(newer, folder.resolve("newer.zip"));
        assertThat(backup.schemaVersion()).isEqualTo(future);
        Path data = dataWithTrades("data", 1);

        assertThatThrownBy(() -> DatabaseRestore.restore(backup.file(), data, CLOCK, "cli"))
                .isInstanceOf(StoreException.class)
                .hasMessage("the backup " + backup.file() + " was written by a newer tvbridge (schema " + future
                        + ", this build knows up to " + (future - 1) + "); restore it with that version or a newer one");
        assertThat(signals(data)).isEqualTo(1);
    }

    @Test
    void theNameOfTheDatabaseInAZipIsNeverUsedAsAPath() throws IOException {
        Path data = dataWithTrades("data", 2);
        Path crafted = folder.resolve("crafted.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(crafted))) {
            zip.putNextEntry(new ZipEntry("../../escaped.mv.db"));
            Files.copy(data.resolve("tvbridge.mv.db"), zip);
            zip.closeEntry();
        }
        Path target = folder.resolve("target/data");

        assertThat(DatabaseRestore.restore(crafted, target, CLOCK, "cli").restored().signals()).isEqualTo(2);
        assertThat(folder.resolve("escaped.mv.db")).doesNotExist();
        assertThat(folder.getParent().resolve("escaped.mv.db")).doesNotExist();
    }
}
