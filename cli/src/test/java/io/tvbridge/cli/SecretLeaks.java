package io.tvbridge.cli;

import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Finds configured secrets, or long pieces of them, in log lines, answers and stored rows. */
final class SecretLeaks {
    /** A leak of this many characters of a secret counts, so a cut-off secret is found too. */
    private static final int PIECE = 12;
    private static final List<String> TABLES = List.of("audit_log", "signals", "orders", "order_events", "fills",
            "settings", "reconciliations");

    private SecretLeaks() {
    }

    /** The lines holding one of {@code secrets}, or a piece of one (case aside). */
    static List<String> in(List<String> lines, List<String> secrets) {
        return lines.stream().filter(line -> secrets.stream().anyMatch(secret -> holdsPiece(line, secret))).toList();
    }

    /** Every row the daemon stored in the tables people and exports read, its columns joined into one line. */
    static List<String> storedRows(TestDaemon tv) {
        List<String> rows = new ArrayList<>();
        for (String table : TABLES) {
            rows.addAll(tv.query("select * from " + table, rs -> {
                List<String> lines = new ArrayList<>();
                ResultSetMetaData columns = rs.getMetaData();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder(table);
                    for (int i = 1; i <= columns.getColumnCount(); i++) {
                        row.append(" | ").append(rs.getString(i));
                    }
                    lines.add(row.toString());
                }
                return lines;
            }));
        }
        return rows;
    }

    private static boolean holdsPiece(String line, String secret) {
        String lower = line.toLowerCase(Locale.ROOT);
        for (int start = 0; start + PIECE <= secret.length(); start++) {
            if (lower.contains(secret.substring(start, start + PIECE).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
