package io.tvbridge.core.store.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The checksum depends on the rows' values only: not on their order, a number's scale or a time's offset. */
class TableChecksumTest {

    private static TableChecksum of(String values) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:", "sa", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select * from (values " + values + ")")) {
            return TableChecksum.of(rows);
        }
    }

    @Test
    void theSameValuesInAnotherOrderAndSpellingGiveTheSameChecksum() throws SQLException {
        TableChecksum original = of("(1, cast(10.5 as numeric(30, 12)), 'a', timestamp with time zone"
                + " '2026-01-05 14:30:00Z', true), (2, cast(0 as numeric(30, 12)), null, null, false)");
        TableChecksum copy = of("(2, cast(0.000 as numeric(30, 3)), null, null, false), (1, 10.50, 'a',"
                + " timestamp with time zone '2026-01-05 15:30:00+01:00', true)");
        assertThat(copy).isEqualTo(original);
        assertThat(original.rows()).isEqualTo(2);
    }

    @Test
    void anyChangedValueChangesIt() throws SQLException {
        TableChecksum original = of("(1, 'a', 'b'), (2, 'c', null)");
        assertThat(of("(1, 'a', 'b'), (2, 'c', '')")).isNotEqualTo(original);
        assertThat(of("(1, 'ab', ''), (2, 'c', null)")).isNotEqualTo(original);
        assertThat(of("(1, 'a', 'b'), (2, 'c', null), (2, 'c', null)")).isNotEqualTo(original);
    }
}
