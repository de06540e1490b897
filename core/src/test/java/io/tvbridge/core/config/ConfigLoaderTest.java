package io.tvbridge.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path folder;

    @Test
    void defaultsWithNothingConfigured() {
        TvBridgeConfig config = ConfigLoader.load(Map.of(), Map.of(), folder).config();
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.broker()).isEqualTo("paper");
        assertThat(config.dataDirectory()).isEqualTo(folder.resolve("data"));
        assertThat(config.duplicateWindow()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void optionsBeatEnvironmentWhichBeatsDotEnv() throws Exception {
        Files.writeString(folder.resolve(".env"), "# comment\nexport PORT=1111\nHOST='10.0.0.1'\nBROKER=\"ibkr\" # inline\n"
                + "DUPLICATE_WINDOW_SECONDS=30\n");
        TvBridgeConfig config = ConfigLoader.load(Map.of("PORT", "3333"), Map.of("PORT", "2222", "HOST", "10.0.0.2"),
                folder).config();
        assertThat(config.port()).isEqualTo(3333);
        assertThat(config.host()).isEqualTo("10.0.0.2");
        assertThat(config.broker()).isEqualTo("ibkr");
        assertThat(config.duplicateWindow()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void generatesMissingSecretsOnceIntoAnOwnerOnlyFile() throws Exception {
        ConfigLoader.Loaded first = ConfigLoader.load(Map.of(), Map.of(), folder);
        assertThat(first.secrets().generated()).containsExactly("WEBHOOK_SECRET", "ADMIN_API_KEY");
        Path file = folder.resolve("data/secrets.env");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(first.config().webhookSecret()).hasSizeGreaterThanOrEqualTo(32)
                .isNotEqualTo(first.config().adminApiKey());

        ConfigLoader.Loaded second = ConfigLoader.load(Map.of(), Map.of(), folder);
        assertThat(second.secrets().generated()).isEmpty();
        assertThat(second.config().webhookSecret()).isEqualTo(first.config().webhookSecret());
        assertThat(second.config().toString()).doesNotContain(first.config().webhookSecret())
                .doesNotContain(first.config().adminApiKey());
    }

    @Test
    void configuredSecretsWinAndOnlyTheMissingOneIsGenerated() {
        ConfigLoader.Loaded loaded = ConfigLoader.load(Map.of(), Map.of("WEBHOOK_SECRET", "mine-0123456789abcdef"),
                folder);
        assertThat(loaded.config().webhookSecret()).isEqualTo("mine-0123456789abcdef");
        assertThat(loaded.secrets().generated()).containsExactly("ADMIN_API_KEY");
    }

    @Test
    void badValuesNameTheVariable() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(), Map.of("PORT", "eighty"), folder))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PORT");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(), Map.of("PORT", "70000"), folder))
                .hasMessageContaining("PORT must be between 0 and 65535");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(), Map.of("WEBHOOK_SECRET", "short"), folder))
                .hasMessageContaining("WEBHOOK_SECRET must be at least 16 characters");
    }

    @Test
    void brokerSettingsAreTheVariablesWithTheBrokerPrefix() {
        ConfigValues values = ConfigValues.layered(Map.of("PAPER_STARTING_CASH", "5000", "PAPER_SLIPPAGE_BPS", "2",
                "PAPERBACK", "x", "IBKR_HOST", "h"));
        assertThat(values.withPrefix("PAPER_")).containsExactly(Map.entry("slippage-bps", "2"),
                Map.entry("starting-cash", "5000"));
    }

    @Test
    void theRedactorMasksEveryConfiguredSecret() {
        Redactor redactor = new Redactor(java.util.List.of("abcd-secret", "key-123456"));
        assertThat(redactor.redact("x abcd-secret y key-123456 z abcd-secret")).isEqualTo("x *** y *** z ***");
    }
}
