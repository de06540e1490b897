package io.tvbridge.core.store.mybatis;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 12: alerts stored by instances that do not trade. Several instances on one shared
 * database all take webhooks, so a signal's id can no longer be the trading instance's counter:
 * it comes from a sequence, which starts after the signals already stored (the one reason this
 * migration is code: neither database lets a plain script start a sequence at a queried value).
 * The inbox lists the stored signals not yet decided, oldest first, for the trading instance to
 * decide; a row leaves it in the transaction that records the decision.
 */
final class StandbyIntakeMigration implements JavaMigration {
    /** The sequence the signal ids of a shared database come from. */
    static final String SEQUENCE = "signal_ids";

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("12");
    }

    @Override
    public String getDescription() {
        return "standby intake";
    }

    @Override
    public Integer getChecksum() {
        return 12_001;   // change it with the statements below, which no database must ever see twice
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            long next;
            try (ResultSet max = statement.executeQuery("select coalesce(max(id), 0) + 1 from signals")) {
                max.next();
                next = max.getLong(1);
            }
            statement.execute("create sequence " + SEQUENCE + " start with " + next);
            statement.execute("create table inbox ("
                    + " signal_id   bigint       not null primary key references signals (id),"
                    + " received_at timestamp with time zone not null,"
                    + " instance    varchar(255) not null)");
        }
    }
}
