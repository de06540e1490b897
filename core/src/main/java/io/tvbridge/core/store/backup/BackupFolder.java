package io.tvbridge.core.store.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A folder of backups named {@code tvbridge-<UTC time>.zip} ({@code tvbridge-20260105T143000Z.zip},
 * then {@code -2}, {@code -3} for more in the same second). Only files named this way count as
 * its backups: anything else in the folder is never listed nor deleted.
 */
public final class BackupFolder {
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile("tvbridge-(\\d{8}T\\d{6}Z)(?:-(\\d{1,6}))?\\.zip");

    private final Path folder;

    public BackupFolder(Path folder) {
        this.folder = Objects.requireNonNull(folder, "folder");
    }

    /** {@code <data-dir>/backups}, where backups go unless told otherwise. */
    public static BackupFolder of(Path dataDirectory) {
        return new BackupFolder(dataDirectory.resolve("backups"));
    }

    public Path folder() {
        return folder;
    }

    /** A name for a new backup taken at {@code now}, free in the folder. */
    public Path newFile(Instant now) {
        String stamp = stamp(now);
        Path file = folder.resolve("tvbridge-" + stamp + ".zip");
        for (int sequence = 2; Files.exists(file); sequence++) {
            file = folder.resolve("tvbridge-" + stamp + "-" + sequence + ".zip");
        }
        return file;
    }

    /** The folder's backups, newest first (by the time in the name, which copying a file keeps). */
    public List<Path> newestFirst() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> NAME.matcher(file.getFileName().toString()).matches())
                    .sorted(Comparator.comparing(BackupFolder::stampOf).thenComparingInt(BackupFolder::sequenceOf)
                            .reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the backups in " + folder, e);
        }
    }

    /**
     * Deletes all but the newest {@code count} backups.
     *
     * @return the files deleted, newest first
     */
    public List<Path> keepNewest(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one backup must be kept, not " + count);
        }
        List<Path> backups = newestFirst();
        List<Path> deleted = new ArrayList<>();
        for (Path old : backups.subList(Math.min(count, backups.size()), backups.size())) {
            try {
                Files.deleteIfExists(old);
                deleted.add(old);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the old backup " + old, e);
            }
        }
        return deleted;
    }

    static String stamp(Instant at) {
        return STAMP.format(at.truncatedTo(ChronoUnit.SECONDS));
    }

    private static String stampOf(Path file) {
        return match(file).group(1);
    }

    private static int sequenceOf(Path file) {
        String sequence = match(file).group(2);
        return sequence == null ? 1 : Integer.parseInt(sequence);
    }

    private static Matcher match(Path file) {
        Matcher matcher = NAME.matcher(file.getFileName().toString());
        if (!matcher.matches()) {
            throw new IllegalStateException("not a backup name: " + file);
        }
        return matcher;
    }
}
