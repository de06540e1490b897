package io.tvbridge.core.store.backup;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a backup holds, learned by opening a copy of it and reading every row.
 *
 * @param schemaVersion the schema version the backup was written with
 * @param newestSignal  when the newest signal in it was received
 */
public record BackupContents(Path file, long bytes, int schemaVersion, long signals, long orders, long fills,
                             Optional<Instant> newestSignal) {
    public BackupContents {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(newestSignal, "newestSignal");
    }

    /** One line for people: {@code 12 signals, 11 orders, 9 fills (schema 3; newest signal 2026-...)}. */
    public String summary() {
        return signals + " signals, " + orders + " orders, " + fills + " fills (schema " + schemaVersion
                + newestSignal.map(at -> "; newest signal " + at).orElse("") + ")";
    }
}
