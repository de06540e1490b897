package io.tvbridge.core.store.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names of backups and the retention of the newest N. */
class BackupFolderTest {
    @TempDir
    Path folder;

    private Path touch(String name) throws IOException {
        return Files.writeString(folder.resolve(name), name);
    }

    @Test
    void newBackupsAreNamedByTheirUtcTimeAndNeverReuseAName() throws IOException {
        BackupFolder backups = new BackupFolder(folder);
        Instant at = Instant.parse("2026-01-05T14:30:00.750Z");
        Path first = backups.newFile(at);
        assertThat(first.getFileName()).hasToString("tvbridge-20260105T143000Z.zip");
        Files.writeString(first, "x");
        Path second = backups.newFile(at);
        assertThat(second.getFileName()).hasToString("tvbridge-20260105T143000Z-2.zip");
        Files.writeString(second, "x");
        assertThat(backups.newFile(at).getFileName()).hasToString("tvbridge-20260105T143000Z-3.zip");
        assertThat(BackupFolder.of(Path.of("data")).folder()).isEqualTo(Path.of("data", "backups"));
    }

    @Test
    void keepsTheNewestAndLeavesOtherFilesAlone() throws IOException {
        Path oldest = touch("tvbridge-20251230T020000Z.zip");
        Path older = touch("tvbridge-20251231T020000Z.zip");
        Path sameSecond = touch("tvbridge-20260101T020000Z.zip");
        Path sameSecondLater = touch("tvbridge-20260101T020000Z-2.zip");
        Path newest = touch("tvbridge-20260102T020000Z.zip");
        Path mine = touch("my-own-copy.zip");
        Path notes = touch("tvbridge-notes.txt");
        Files.createDirectories(folder.resolve("tvbridge-20200101T000000Z.zip.d"));
        // modification times say nothing: a copied backup is as old as its name
        Files.setLastModifiedTime(oldest, Files.getLastModifiedTime(newest));

        BackupFolder backups = new BackupFolder(folder);
        assertThat(backups.newestFirst()).containsExactly(newest, sameSecondLater, sameSecond, older, oldest);

        List<Path> deleted = backups.keepNewest(3);

        assertThat(deleted).containsExactly(older, oldest);
        assertThat(backups.newestFirst()).containsExactly(newest, sameSecondLater, sameSecond);
        assertThat(mine).exists();
        assertThat(notes).exists();
        assertThat(backups.keepNewest(3)).isEmpty();
        assertThat(backups.keepNewest(10)).isEmpty();
        assertThat(backups.keepNewest(1)).containsExactly(sameSecondLater, sameSecond);
        assertThat(backups.newestFirst()).containsExactly(newest);
    }

    @Test
    void keepingNoneIsRefusedAndAMissingFolderHasNoBackups() {
        BackupFolder backups = new BackupFolder(folder.resolve("none"));
        assertThat(backups.newestFirst()).isEmpty();
        assertThat(backups.keepNewest(2)).isEmpty();
        assertThatThrownBy(() -> backups.keepNewest(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one");
    }
}
