package io.tvbridge.bench;

import io.tvbridge.core.store.mybatis.MyBatisStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads a stopped daemon's H2 database (H2 lets one process at a time hold the file). */
final class StoredRows {
    private final Path dataDirectory;

    StoredRows(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    /** One row, read from a result set positioned on it. */
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    <T> List<T> list(String sql, Row<T> row) {
        try (Connection connection = DriverManager.getConnection(MyBatisStore.h2Url(dataDirectory), "sa", "");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(row.read(rs));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    long count(String sql) {
        return list(sql, rs -> rs.getLong(1)).get(0);
    }
}
