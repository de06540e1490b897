package io.tvbridge.core.store.migrate;

import io.tvbridge.broker.spi.FileBrokerJournal;
import io.tvbridge.core.config.PostgresConfig;
import io.tvbridge.core.store.DataDirectoryLock;
import io.tvbridge.core.store.StoreException;
import io.tvbridge.core.store.mybatis.MyBatisStore;
import io.tvbridge.core.store.mybatis.Schema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Copies the H2 database of a stopped daemon into an empty PostgreSQL database: the schema by the
 * same migrations, then every table, parents before the tables that refer to them, identity columns
 * set past the copied ids, and each table compared row for row (its count and a checksum of its
 * values) before anything is committed. The H2 database is opened read-only and never changes; when
 * anything differs the copy is rolled back and the error names the table.
 *
 * <p>A broker's journal, a file in its state folder on H2 ({@code <data-dir>/brokers/<broker>/}), is kept in
 * the {@code broker_journal} table on PostgreSQL: the paper broker's ({@link #JOURNALS}) is copied there
 * too, line for line and checked, so the paper account goes on from where it was on any machine.
 */
public final class PostgresMigration {
    /**
     * Tables the migrations write on each database themselves, never copied: Flyway's history, and the
     * engine lease, which belongs to the deployment that uses the database (seeded held by nobody).
     */
    private static final Set<String> NOT_COPIED = Set.of("flyway_schema_history", "engine_lease");
    private static final int BATCH = 500;

    /**
     * The journals copied from their files, by broker: those of the brokers tvbridge ships that keep
     * one through the host. A plugin's journal file is taken over by the daemon itself when it starts
     * on PostgreSQL with the same data directory.
     */
    public static final Map<String, String> JOURNALS = Map.of("paper", "paper-journal");

    /** One copied table: its rows and the checksum both databases agree on. */
    public record CopiedTable(String name, long rows, String sha256) {
    }

    /** A broker's journal copied from its file: its lines, and the checksum of the file's and the table's. */
    public record CopiedJournal(String broker, String name, Path file, long lines, String sha256) {
    }

    /** Everything copied, each checked: the tables, then the brokers' journal files. */
    public record Copied(List<CopiedTable> tables, List<CopiedJournal> journals) {
    }

    private PostgresMigration() {
    }

    /**
     * @throws StoreException when a daemon runs on {@code dataDirectory}, it holds no database or one of
     *                        another schema version, the target cannot be reached or is not empty, or the
     *                        copy differs from the original (then nothing is committed)
     */
    public static Copied copy(Path dataDirectory, PostgresConfig target) {
        MyBatisStore.requireH2(dataDirectory);
        try (DataDirectoryLock lock = DataDirectoryLock.acquire(dataDirectory, "tvbridge db migrate-to")) {
            requireCurrentSchema(dataDirectory);
            try (Connection postgres = connect(target)) {
                requireEmpty(postgres, target);
            } catch (SQLException e) {
                throw failed(target, e);
            }
            // the same migrations as the daemon's, run the way the daemon runs them
            MyBatisStore.open(Optional.of(target), dataDirectory, Clock.systemUTC()).close();
            try (Connection h2 = DriverManager.getConnection(MyBatisStore.h2UrlReadOnly(dataDirectory), "sa", "");
                 Connection postgres = connect(target)) {
                return copy(h2, postgres, target, dataDirectory);
            } catch (SQLException e) {
                throw failed(target, e);
            }
        }
    }

    private static void requireCurrentSchema(Path dataDirectory) {
        Schema.Version version = Schema.read(dataDirectory);
        if (version.applied() != version.known()) {
            throw new StoreException("the database in " + dataDirectory + " has schema version " + version.applied()
                    + ", this tvbridge writes version " + version.known() + ": "
                    + (version.newerThanThisBuild() ? "use the tvbridge that wrote it"
                    : "start this tvbridge once on the data directory (it migrates the database), stop it")
                    + ", then copy it");
        }
    }

    /** Empty: no table of the database's schema holds a row (a copy that was rolled back left empty tables). */
    private static void requireEmpty(Connection postgres, PostgresConfig target) throws SQLException {
        for (String table : tables(postgres, "current_schema()")) {
            long rows = count(postgres, table);
            if (rows > 0) {
                throw new StoreException("the database " + target.name() + " is not empty (" + table + " holds "
                        + rows + " rows); tvbridge db migrate-to copies into an empty database only");
            }
        }
    }

    private static Copied copy(Connection h2, Connection postgres, PostgresConfig target, Path dataDirectory)
            throws SQLException {
        Set<String> sourceTables = new TreeSet<>(tables(h2, "'PUBLIC'"));
        List<String> ordered = parentsFirst(postgres);
        if (!sourceTables.equals(new TreeSet<>(ordered))) {
            throw new StoreException("the tables of the H2 database " + sourceTables + " are not those the schema"
                    + " gives PostgreSQL " + new TreeSet<>(ordered) + "; nothing was copied");
        }
        postgres.setAutoCommit(false);
        List<CopiedTable> copied = new ArrayList<>();
        try {
            for (String table : ordered) {
                List<String> columns = columns(postgres, table);
                copyRows(h2, postgres, table, columns);
                copied.add(verify(h2, postgres, table, columns, target));
            }
            setIdentitiesPastCopiedIds(postgres);
            List<CopiedJournal> journals = new ArrayList<>();
            for (Map.Entry<String, String> journal : new TreeMap<>(JOURNALS).entrySet()) {
                Path file = dataDirectory.resolve("brokers").resolve(journal.getKey())
                        .resolve(FileBrokerJournal.fileName(journal.getValue()));
                if (Files.exists(file)) {
                    journals.add(copyJournal(postgres, journal.getKey(), journal.getValue(), file, target));
                }
            }
            postgres.commit();
            return new Copied(copied, journals);
        } catch (SQLException | RuntimeException e) {
            postgres.rollback();
            throw e;
        }
    }

    private static void copyRows(Connection h2, Connection postgres, String table, List<String> columns)
            throws SQLException {
        String names = String.join(", ", columns);
        String marks = String.join(", ", Collections.nCopies(columns.size(), "?"));
        try (Statement read = h2.createStatement();
             ResultSet rows = read.executeQuery("select " + names + " from " + table);
             PreparedStatement write = postgres.prepareStatement("insert into " + table + " (" + names
                     + ") values (" + marks + ")")) {
            writeInBatches(write, () -> {
                if (!rows.next()) {
                    return false;
                }
                for (int i = 1; i <= columns.size(); i++) {
                    write.setObject(i, rows.getObject(i));
                }
                return true;
            });
        }
    }

    /** The parameters of the next row to insert set, or false when there is none left. */
    @FunctionalInterface
    private interface NextRow {
        boolean set() throws SQLException;
    }

    /** Inserts row after row with {@code write}, {@link #BATCH} to a round trip. */
    private static void writeInBatches(PreparedStatement write, NextRow next) throws SQLException {
        int batched = 0;
        while (next.set()) {
            write.addBatch();
            if (++batched == BATCH) {
                write.executeBatch();
                batched = 0;
            }
        }
        if (batched > 0) {
            write.executeBatch();
        }
    }

    /** Reads the table back from both databases, inside the copy's own transaction on PostgreSQL. */
    private static CopiedTable verify(Connection h2, Connection postgres, String table, List<String> columns,
                                      PostgresConfig target) throws SQLException {
        String query = "select " + String.join(", ", columns) + " from " + table;
        TableChecksum original = checksum(h2, query);
        TableChecksum copy = checksum(postgres, query);
        if (original.rows() != copy.rows()) {
            throw new StoreException("the copy of " + table + " differs: " + original.rows() + " rows in H2, "
                    + copy.rows() + " in " + target.name() + "; nothing was committed");
        }
        if (!original.sha256().equals(copy.sha256())) {
            throw new StoreException("the copy of " + table + " differs: the same " + original.rows()
                    + " rows, but not the same values in " + target.name() + "; nothing was committed");
        }
        return new CopiedTable(table, copy.rows(), copy.sha256());
    }

    /**
     * The file's lines as the journal's lines 1 to n, read back in order within the copy's transaction
     * and compared with the file's. A last line the file holds unfinished is left out, as the broker
     * leaves it out.
     */
    private static CopiedJournal copyJournal(Connection postgres, String broker, String name, Path file,
                                             PostgresConfig target) throws SQLException {
        List<String> lines = FileBrokerJournal.read(file);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (PreparedStatement write = postgres.prepareStatement("insert into broker_journal"
                + " (broker, name, seq, line, written_at) values (?, ?, ?, ?, ?)")) {
            write.setString(1, broker);
            write.setString(2, name);
            write.setObject(5, now);
            Iterator<String> next = lines.iterator();
            long[] seq = {0};
            writeInBatches(write, () -> {
                if (!next.hasNext()) {
                    return false;
                }
                write.setLong(3, ++seq[0]);
                write.setString(4, next.next());
                return true;
            });
        }
        List<String> copy = new ArrayList<>(lines.size());
        try (PreparedStatement read = postgres.prepareStatement("select line from broker_journal"
                + " where broker = ? and name = ? order by seq")) {
            read.setString(1, broker);
            read.setString(2, name);
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    copy.add(rows.getString(1));
                }
            }
        }
        if (!copy.equals(lines)) {
            throw new StoreException("the copy of the journal " + file + " differs: " + lines.size() + " lines in the"
                    + " file, " + copy.size() + " in broker_journal of " + target.name() + "; nothing was committed");
        }
        return new CopiedJournal(broker, name, file, copy.size(), linesSha256(copy));
    }

    private static String linesSha256(List<String> lines) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String line : lines) {
                digest.update(line.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static TableChecksum checksum(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            return TableChecksum.of(rows);
        }
    }

    /** The next id an identity column or the signal ids' sequence hands out follows the highest copied one. */
    private static void setIdentitiesPastCopiedIds(Connection postgres) throws SQLException {
        List<String[]> identities = new ArrayList<>();
        try (Statement statement = postgres.createStatement();
             ResultSet rows = statement.executeQuery("select table_name, column_name from information_schema.columns"
                     + " where table_schema = current_schema() and is_identity = 'YES'")) {
            while (rows.next()) {
                identities.add(new String[] {rows.getString(1), rows.getString(2)});
            }
        }
        for (String[] identity : identities) {
            String table = identity[0];
            String column = identity[1];
            try (Statement statement = postgres.createStatement()) {
                statement.execute("select setval(pg_get_serial_sequence('" + table + "', '" + column + "'),"
                        + " (select coalesce(max(" + column + "), 0) + 1 from " + table + "), false)");
            }
        }
        // the signal ids every instance of a shared database takes (migration 12) follow the copied signals too
        try (Statement statement = postgres.createStatement()) {
            statement.execute("select setval('signal_ids', (select coalesce(max(id), 0) + 1 from signals), false)");
        }
    }

    /** The schema's tables in an order that inserts every referenced row before the rows that refer to it. */
    private static List<String> parentsFirst(Connection postgres) throws SQLException {
        Map<String, Set<String>> parents = new TreeMap<>();
        for (String table : tables(postgres, "current_schema()")) {
            parents.put(table, new TreeSet<>());
        }
        try (Statement statement = postgres.createStatement();
             ResultSet rows = statement.executeQuery("select child.relname, parent.relname from pg_constraint c"
                     + " join pg_class child on child.oid = c.conrelid join pg_class parent on parent.oid = c.confrelid"
                     + " where c.contype = 'f' and child.relnamespace = current_schema()::regnamespace")) {
            while (rows.next()) {
                if (!rows.getString(1).equals(rows.getString(2))) {
                    parents.get(rows.getString(1)).add(rows.getString(2));
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < parents.size()) {
            String next = parents.entrySet().stream()
                    .filter(e -> !ordered.contains(e.getKey()) && ordered.containsAll(e.getValue()))
                    .map(Map.Entry::getKey).findFirst()
                    .orElseThrow(() -> new StoreException("the foreign keys between the tables form a cycle"));
            ordered.add(next);
        }
        return ordered;
    }

    /** The base tables of {@code schema} (an SQL expression), lower case, without those never copied. */
    private static List<String> tables(Connection connection, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select table_name from information_schema.tables"
                     + " where table_schema = " + schema + " and table_type = 'BASE TABLE' order by table_name")) {
            while (rows.next()) {
                String table = rows.getString(1).toLowerCase(Locale.ROOT);
                if (!NOT_COPIED.contains(table)) {
                    tables.add(table);
                }
            }
        }
        return tables;
    }

    private static List<String> columns(Connection postgres, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement statement = postgres.prepareStatement("select column_name from information_schema.columns"
                + " where table_schema = current_schema() and table_name = ? order by ordinal_position")) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        return columns;
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Connection connect(PostgresConfig target) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", target.user());
        credentials.setProperty("password", target.password());
        return DriverManager.getConnection(target.jdbcUrl(), credentials);
    }

    private static StoreException failed(PostgresConfig target, SQLException e) {
        return new StoreException("the copy into " + target.name() + " as " + target.user() + " failed: "
                + target.masked(String.valueOf(e.getMessage())), e);
    }
}
