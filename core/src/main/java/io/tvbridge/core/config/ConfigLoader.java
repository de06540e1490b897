package io.tvbridge.core.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Reads tvbridge's configuration the one way it is read everywhere: command-line options
 * over environment variables over the working directory's {@code .env} file over the data
 * directory's generated secrets, generating the secrets that nothing provides.
 */
public final class ConfigLoader {

    /** What was loaded, and which secrets this start generated. */
    public record Loaded(TvBridgeConfig config, ConfigValues values, SecretsFile.Secrets secrets) {
    }

    private ConfigLoader() {
    }

    public static Loaded load(Map<String, String> options, Map<String, String> environment, Path workingDirectory) {
        ConfigValues configured = ConfigValues.layered(options, environment, DotEnv.read(workingDirectory.resolve(".env")));
        Path dataDirectory = configured.path(TvBridgeConfig.DATA_DIR, TvBridgeConfig.DEFAULT_DATA_DIR);
        if (!dataDirectory.isAbsolute()) {
            dataDirectory = workingDirectory.resolve(dataDirectory).normalize();
        }
        SecretsFile.Secrets secrets = SecretsFile.ensure(dataDirectory, configured);
        ConfigValues values = configured
                .over(Map.of(TvBridgeConfig.DATA_DIR, dataDirectory.toString()))
                .over(secrets.values());
        return new Loaded(TvBridgeConfig.from(values), values, secrets);
    }
}
