package io.tvbridge.cli;

import io.tvbridge.core.config.ConfigLoader;
import io.tvbridge.core.config.TvBridgeConfig;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --data-dir} of the commands that work on a data directory without starting the daemon. */
final class DataDirectoryOption {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "the data directory (env DATA_DIR, or DATA_DIR in ./.env; default ./data)")
    Path dataDirectory;

    /** The directory the daemon would use with the same settings, relative to the working directory. */
    Path resolve() {
        Map<String, String> options = dataDirectory == null ? Map.of()
                : Map.of(TvBridgeConfig.DATA_DIR, dataDirectory.toString());
        return ConfigLoader.dataDirectory(options, System.getenv(), Path.of("").toAbsolutePath());
    }
}
