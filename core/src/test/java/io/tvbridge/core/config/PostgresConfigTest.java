package io.tvbridge.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PostgresConfigTest {

    private static PostgresConfig parse(String url) {
        return PostgresConfig.parse(url, Optional.empty(), Optional.empty());
    }

    @Test
    void withoutDatabaseUrlTheStoreIsH2() {
        assertThat(PostgresConfig.from(ConfigValues.layered(Map.of("DATABASE_USER", "bob")))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "postgresql://bob:s3cret@db.example:6432/trading     | db.example | 6432 | trading | bob | s3cret",
            "jdbc:postgresql://bob:s3cret@db.example/trading     | db.example | 5432 | trading | bob | s3cret",
            "postgres://bob@10.0.0.5/trading                     | 10.0.0.5   | 5432 | trading | bob | ''",
            "postgresql://b%40b:p%40ss%3Aw%2Fd+1@h:1/d           | h          | 1    | d       | b@b | p@ss:w/d+1",
            "jdbc:postgresql://h/d?user=bob&password=s3cret      | h          | 5432 | d       | bob | s3cret",
    })
    void readsTheUrlWithItsCredentials(String url, String host, int port, String database, String user,
                                       String password) {
        PostgresConfig config = parse(url);
        assertThat(config).isEqualTo(new PostgresConfig(host, port, database, Map.of(), user, password));
        assertThat(config.jdbcUrl()).isEqualTo("jdbc:postgresql://" + host + ":" + port + "/" + database);
        assertThat(config.name()).isEqualTo("postgresql://" + host + ":" + port + "/" + database);
    }

    @Test
    void theEnvironmentsUserAndPasswordWinAndNeverShow() {
        ConfigValues values = ConfigValues.layered(Map.of("DATABASE_URL",
                "postgresql://bob:old-password@db:5432/trading?sslmode=require", "DATABASE_USER", "alice",
                "DATABASE_PASSWORD", "env-password"));
        PostgresConfig config = PostgresConfig.from(values).orElseThrow();
        assertThat(config.user()).isEqualTo("alice");
        assertThat(config.password()).isEqualTo("env-password");
        assertThat(config.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/trading?sslmode=require");
        assertThat(config.toString()).contains("postgresql://db:5432/trading", "alice")
                .doesNotContain("env-password", "old-password");
        assertThat(PostgresConfig.secrets(values)).contains("env-password", "old-password");
        assertThat(config.masked("FATAL: no env-password here")).isEqualTo("FATAL: no *** here");
    }

    @Test
    void aPercentEncodedPasswordIsMaskedAsTheUrlSpellsItToo() {
        ConfigValues values = ConfigValues.layered(Map.of("DATABASE_URL", "postgresql://bob:p%40ss-word@db/trading"));
        Redactor redactor = new Redactor(PostgresConfig.secrets(values));
        assertThat(redactor.redact("DATABASE_URL=postgresql://bob:p%40ss-word@db/trading, password p@ss-word"))
                .isEqualTo("DATABASE_URL=postgresql://bob:***@db/trading, password ***");
    }

    @Test
    void aWrongUrlIsRefusedWithoutQuotingIt() {
        assertThatThrownBy(() -> parse("mysql://bob:s3cret@db/trading"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("postgresql://")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> parse("postgresql://bob:s3 cret@db/trading"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not a valid URL")
                .hasMessageNotContaining("s3 cret");
        assertThatThrownBy(() -> parse("postgresql://db:5432/"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("database");
        assertThatThrownBy(() -> parse("postgresql://db:5432/trading"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("DATABASE_USER");
    }
}
