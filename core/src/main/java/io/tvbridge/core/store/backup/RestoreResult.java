package io.tvbridge.core.store.backup;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A restore that happened.
 *
 * @param restored       what the restored database holds
 * @param replacedKeptAt where the database it replaced was moved (none when the directory had none)
 * @param installationId the new prefix of client order ids, so that orders never reuse an id sent after the backup
 */
public record RestoreResult(BackupContents restored, Optional<Path> replacedKeptAt, String installationId) {
    public RestoreResult {
        Objects.requireNonNull(restored, "restored");
        Objects.requireNonNull(replacedKeptAt, "replacedKeptAt");
        Objects.requireNonNull(installationId, "installationId");
    }
}
