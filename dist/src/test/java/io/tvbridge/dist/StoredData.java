package io.tvbridge.dist;

import io.tvbridge.core.store.mybatis.MyBatisStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads a stopped daemon's database: H2 lets one process hold the file, so only while no daemon runs. */
final class StoredData {
    private final Path dataDirectory;

    StoredData(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    long count(String sql) {
        return read(sql, rs -> {
            rs.next();
            return rs.getLong(1);
        });
    }

    /** The first column as a key, the second as its text, of every row. */
    Map<Long, String> pairs(String sql) {
        return read(sql, rs -> {
            Map<Long, String> rows = new HashMap<>();
            while (rs.next()) {
                rows.put(rs.getLong(1), rs.getString(2));
            }
            return rows;
        });
    }

    /** The first column of every row, as text. */
    List<String> column(String sql) {
        return read(sql, rs -> {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        });
    }

    private interface Rows<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> T read(String sql, Rows<T> rows) {
        try (Connection connection = DriverManager.getConnection(MyBatisStore.h2Url(dataDirectory), "sa", "");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            return rows.read(rs);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
