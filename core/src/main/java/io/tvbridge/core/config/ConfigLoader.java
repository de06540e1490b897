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
        ConfigValues configured = configured(options, environment, workingDirectory);
        Path dataDirectory = dataDirectory(configured, workingDirectory);
        configured = withAccountsFile(configured, dataDirectory);
        SecretsFile.Secrets secrets = SecretsFile.ensure(dataDirectory, configured);
        ConfigValues values = configured
                .over(Map.of(TvBridgeConfig.DATA_DIR, dataDirectory.toString()))
                .over(secrets.values());
        return new Loaded(TvBridgeConfig.from(values), values, secrets);
    }

    /**
     * The data directory the daemon would use, found the same way but without touching it (the
     * commands that work on a stopped daemon's files need no secrets).
     */
    public static Path dataDirectory(Map<String, String> options, Map<String, String> environment,
                                     Path workingDirectory) {
        return dataDirectory(configured(options, environment, workingDirectory), workingDirectory);
    }

    /**
     * {@code configured} over the data directory's accounts file, when there is one; a file and
     * {@code ACCOUNTS} both naming accounts is refused rather than one of them ignored.
     */
    public static ConfigValues withAccountsFile(ConfigValues configured, Path dataDirectory) {
        Path file = AccountsFile.location(dataDirectory);
        Map<String, String> fromFile = AccountsFile.read(file);
        if (fromFile.containsKey("ACCOUNTS") && configured.text("ACCOUNTS").isPresent()) {
            throw new ConfigException("ACCOUNTS is set and " + file + " names accounts too: keep one of them");
        }
        return configured.over(fromFile);
    }

    private static ConfigValues configured(Map<String, String> options, Map<String, String> environment,
                                           Path workingDirectory) {
        return ConfigValues.layered(options, environment, DotEnv.read(workingDirectory.resolve(".env")));
    }

    private static Path dataDirectory(ConfigValues configured, Path workingDirectory) {
        Path dataDirectory = configured.path(TvBridgeConfig.DATA_DIR, TvBridgeConfig.DEFAULT_DATA_DIR);
        return dataDirectory.isAbsolute() ? dataDirectory : workingDirectory.resolve(dataDirectory).normalize();
    }
}
