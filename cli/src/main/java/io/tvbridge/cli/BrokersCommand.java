package io.tvbridge.cli;

import io.tvbridge.broker.spi.ConfigKey;
import io.tvbridge.core.config.ConfigValues;
import io.tvbridge.core.config.DotEnv;
import io.tvbridge.core.config.TvBridgeConfig;
import io.tvbridge.core.plugin.BrokerCatalog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tvbridge brokers}: every broker found, bundled or in the plugins folder, and what each reads. */
@Command(name = "brokers", mixinStandardHelpOptions = true,
        description = "Lists every broker found: name, version, where it came from, and the settings it reads.")
final class BrokersCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data-dir", description = "data directory whose plugins/ folder is searched (env DATA_DIR, default ./data)")
    Path dataDirectory;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ConfigValues values = ConfigValues.layered(System.getenv(), DotEnv.read(Path.of(".env")));
        Path data = dataDirectory != null ? dataDirectory : values.path(TvBridgeConfig.DATA_DIR, TvBridgeConfig.DEFAULT_DATA_DIR);
        BrokerCatalog catalog = BrokerCatalog.discover(data.resolve("plugins"));
        for (BrokerCatalog.Provider provider : catalog.providers()) {
            out.printf("%s %s  (%s)%n", provider.name(), provider.factory().version(), provider.source());
            out.printf("  %s%n", provider.factory().description());
            for (ConfigKey key : provider.factory().configKeys()) {
                String detail = key.defaultValue().map(d -> "default " + d)
                        .orElse(key.required() ? "required" : "optional");
                out.printf("    %-32s %-18s %s%s%n", key.environmentName(provider.name()), detail,
                        key.description(), key.secret() ? " (secret)" : "");
            }
        }
        for (BrokerCatalog.Problem problem : catalog.problems()) {
            out.printf("skipped %s: %s%n", problem.source(), problem.message());
        }
        out.flush();
        return catalog.providers().isEmpty() ? 1 : 0;
    }
}
