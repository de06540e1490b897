package io.tvbridge.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvbridge.broker.spi.BrokerFactory;
import io.tvbridge.broker.spi.ConfigKey;
import io.tvbridge.core.config.NetworkConfig;
import io.tvbridge.core.config.TvBridgeConfig;
import io.tvbridge.core.settings.Setting;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shipped .env.example names every variable tvbridge and its bundled brokers read, each
 * with the default the code really has and a line saying what it means.
 */
class EnvExampleTest {
    private static final Path EXAMPLE = Path.of("src/deploy/.env.example");
    private static final Pattern VARIABLE = Pattern.compile("#([A-Z][A-Z0-9_]*)=(.*)");

    /** Each commented-out variable with the value shown, in the file's order. */
    private static Map<String, String> variables(List<String> lines) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher matcher = VARIABLE.matcher(line);
            if (matcher.matches()) {
                variables.put(matcher.group(1), matcher.group(2));
            }
        }
        return variables;
    }

    @Test
    void everyVariableIsThereWithItsDefaultAndAMeaning() throws IOException {
        List<String> lines = Files.readAllLines(EXAMPLE);
        Map<String, String> example = variables(lines);

        Map<String, String> expected = new LinkedHashMap<>();
        for (Class<?> settings : List.of(TvBridgeConfig.class, NetworkConfig.class)) {
            for (Field field : settings.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                        && !field.getName().startsWith("DEFAULT_")) {
                    expected.put(field.getName(), null);   // defaults of the daemon's own settings are checked below
                }
            }
        }
        for (Setting setting : Setting.values()) {
            expected.put(setting.environmentName(), setting.defaultValue());
        }
        for (BrokerFactory factory : ServiceLoader.load(BrokerFactory.class)) {
            for (ConfigKey key : factory.configKeys()) {
                expected.put(key.environmentName(factory.name()), key.defaultValue().orElse(""));
            }
        }
        expected.put("LOG_FORMAT", "text");
        expected.put("JAVA_OPTS", "-Xmx256m");
        expected.put("TVBRIDGE_CDS", "on");

        assertThat(example.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((name, value) -> {
            if (value != null) {
                assertThat(example.get(name)).as(name).isEqualTo(value);
            }
        });
        assertThat(example).containsEntry("PORT", "8080").containsEntry("HOST", "0.0.0.0")
                .containsEntry("DATA_DIR", TvBridgeConfig.DEFAULT_DATA_DIR).containsEntry("BROKER", "paper")
                .containsEntry("DUPLICATE_WINDOW_SECONDS", "60")
                .containsEntry("WEBHOOK_RATE_LIMIT", String.valueOf(NetworkConfig.DEFAULT_RATE_LIMIT))
                .containsEntry("WEBHOOK_AUTH_FAILURE_LIMIT", String.valueOf(NetworkConfig.DEFAULT_AUTH_FAILURE_LIMIT))
                .containsEntry("WEBHOOK_MAX_AGE", String.valueOf(NetworkConfig.DEFAULT_MAX_ALERT_AGE.toSeconds()));
        for (int i = 0; i < lines.size(); i++) {
            if (VARIABLE.matcher(lines.get(i)).matches()) {
                assertThat(lines.get(i - 1)).as("the line above " + lines.get(i)).startsWith("# ").hasSizeGreaterThan(12);
            }
        }
    }

    @Test
    void systemdAndDockerReadItAsIs() throws IOException {
        // systemd's EnvironmentFile takes no comment after a value and Docker's --env-file no quotes
        for (String line : Files.readAllLines(EXAMPLE)) {
            if (line.isBlank() || line.startsWith("# ") || line.equals("#")) {
                continue;
            }
            assertThat(line).matches("#[A-Z][A-Z0-9_]*=[^\"' ]*");
        }
    }
}
