package io.tvbridge.core.store.backup;

import io.tvbridge.core.store.StoreException;
import io.tvbridge.core.store.mybatis.MyBatisStore;
import io.tvbridge.core.store.mybatis.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens backups: a zip written by {@code tvbridge db backup} (H2's {@code BACKUP TO}), or a bare
 * {@code tvbridge.mv.db} such as the one a restore keeps aside. A backup counts as good only when
 * a copy of it opens and every row of every table reads back.
 */
public final class BackupReader {
    private static final Logger log = LoggerFactory.getLogger(BackupReader.class);
    static final String DATABASE_FILE = "tvbridge.mv.db";
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] H2_MAGIC = "H:2,".getBytes(StandardCharsets.US_ASCII);

    private BackupReader() {
    }

    /**
     * Opens a copy of {@code backup} in a folder beside it, reads it whole, and deletes the copy.
     *
     * @throws StoreException when it is no tvbridge backup or does not read back
     */
    public static BackupContents inspect(Path backup) {
        Path copy = backup.toAbsolutePath().resolveSibling("." + backup.getFileName() + ".check");
        try {
            deleteFolder(copy);
            extract(backup, copy.resolve(DATABASE_FILE));
            return read(backup, copy);
        } finally {
            deleteFolder(copy);
        }
    }

    /** Writes the database in {@code backup} to {@code databaseFile}, checking the zip's checksums on the way. */
    static void extract(Path backup, Path databaseFile) {
        if (!Files.isRegularFile(backup)) {
            throw new StoreException("there is no backup file " + backup);
        }
        try {
            Files.createDirectories(databaseFile.getParent());
            byte[] head = head(backup);
            if (startsWith(head, ZIP_MAGIC)) {
                extractZip(backup, databaseFile);
            } else if (startsWith(head, H2_MAGIC)) {
                Files.copy(backup, databaseFile, StandardCopyOption.REPLACE_EXISTING);
            } else {
                throw notABackup(backup, "it is neither a zip nor an H2 database file");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the backup " + backup + ": " + e.getMessage(), e);
        }
    }

    /** Failures to read the zip mean a damaged backup; failures to write the copy are this machine's. */
    private static void extractZip(Path backup, Path databaseFile) throws IOException {
        boolean found = false;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(backup));
             OutputStream copy = Files.newOutputStream(databaseFile)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                // the entry's name is never used as a path: the database always goes to databaseFile
                if (!entry.isDirectory() && entry.getName().endsWith(".mv.db")) {
                    if (found) {
                        throw notABackup(backup, "it holds more than one database");
                    }
                    copy(zip, copy, databaseFile);
                    found = true;
                }
            }
        } catch (IOException e) {
            throw notABackup(backup, "the zip is damaged: " + e.getMessage());
        }
        if (!found) {
            throw notABackup(backup, "the zip holds no H2 database (*.mv.db)");
        }
    }

    private static void copy(InputStream from, OutputStream to, Path target) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        for (int read = from.read(buffer); read >= 0; read = from.read(buffer)) {
            try {
                to.write(buffer, 0, read);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Reads the database extracted into {@code folder} whole; {@code backup} names it in messages. A
     * database of a newer schema reads as well: only restoring it needs a build that knows it.
     */
    static BackupContents read(Path backup, Path folder) {
        Schema.Version version;
        try {
            version = Schema.read(folder);
        } catch (RuntimeException e) {
            throw notABackup(backup, "it does not open: " + e.getMessage());
        }
        if (version.applied() == 0) {
            throw notABackup(backup, "it holds no tvbridge schema");
        }
        try (Connection connection = DriverManager.getConnection(MyBatisStore.h2UrlOfExisting(folder), "sa", "");
             Statement statement = connection.createStatement()) {
            for (String table : tables(statement)) {
                readEveryRow(statement, table);
            }
            return new BackupContents(backup, Files.size(backup), version.applied(),
                    count(statement, "signals"), count(statement, "orders"), count(statement, "fills"),
                    newestSignal(statement));
        } catch (SQLException e) {
            throw notABackup(backup, "it does not read back: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> tables(Statement statement) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery("select table_name from information_schema.tables"
                + " where table_schema = 'PUBLIC' and table_type = 'BASE TABLE' order by table_name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    /** Every value of every row is decoded, so a damaged page shows up now rather than after a restore. */
    private static void readEveryRow(Statement statement, String table) throws SQLException {
        try (ResultSet rs = statement.executeQuery("select * from \"" + table.replace("\"", "\"\"") + "\"")) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int column = 1; column <= columns; column++) {
                    rs.getObject(column);
                }
            }
        }
    }

    private static long count(Statement statement, String table) throws SQLException {
        try (ResultSet rs = statement.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Optional<java.time.Instant> newestSignal(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("select max(received_at) from signals")) {
            rs.next();
            return Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
        }
    }

    private static StoreException notABackup(Path backup, String why) {
        return new StoreException(backup + " is not a usable tvbridge backup: " + why);
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(4);
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Deletes a working copy, best effort: it is called in {@code finally} blocks, where a failure
     * must neither hide the real outcome nor undo a restore that already happened.
     */
    static void deleteFolder(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException | UncheckedIOException e) {
            log.warn("could not delete the working copy {}: {}", folder, e.getMessage());
        }
    }
}
