package io.tvbridge.cli;

import io.tvbridge.core.config.TvBridgeConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The webhook secret of a command that works without the daemon: given, or read as the daemon reads it. */
final class WebhookSecretOptions {

    @Option(names = "--secret", description = "the webhook secret (default: WEBHOOK_SECRET from the environment,"
            + " .env or the data directory)")
    String secret;

    @Option(names = "--data-dir", description = "data directory holding the generated secrets (default ./data)")
    Path dataDirectory;

    String secret() {
        if (secret != null) {
            return secret;
        }
        AdminConnection connection = new AdminConnection();
        connection.dataDirectory = dataDirectory;
        return AdminConnection.localConfig(connection.dataDirectory()).text(TvBridgeConfig.WEBHOOK_SECRET)
                .orElseThrow(() -> new AdminCallFailed(2, "no webhook secret: give --secret, or set WEBHOOK_SECRET,"
                        + " or run 'tvbridge run' once to generate it into the data directory"));
    }
}
