package io.tvbridge.core.store.migrate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A table's rows reduced to one SHA-256, the same on H2 and on PostgreSQL for the same values: each
 * row's values are written out in a form that does not depend on the database (numbers without
 * trailing zeros, times as UTC instants), each row hashed, and the row hashes sorted before they are
 * hashed together, since the two databases need not return rows in the same order.
 *
 * @param rows how many rows were read
 */
record TableChecksum(long rows, String sha256) {

    /** Reads every row of {@code rows}, whose columns are in the same order on both databases. */
    static TableChecksum of(ResultSet rows) throws SQLException {
        int columns = rows.getMetaData().getColumnCount();
        List<String> rowHashes = new ArrayList<>();
        while (rows.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= columns; i++) {
                String value = canonical(rows.getObject(i));
                // the length first, so that no two different rows can spell the same text
                row.append(value == null ? "-1:" : value.length() + ":" + value).append(';');
            }
            rowHashes.add(hex(sha256(row.toString())));
        }
        rowHashes.sort(null);
        return new TableChecksum(rowHashes.size(), hex(sha256(String.join("\n", rowHashes))));
    }

    private static String canonical(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal number) {
            // numeric(30, 12) comes back as 10.000000000000 from both, but 0 may be 0E-12
            return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant().toString();
        }
        if (value instanceof Timestamp time) {
            // PostgreSQL's driver answers a timestamp with time zone as a Timestamp of the same instant
            return time.toInstant().toString();
        }
        return value.toString();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
