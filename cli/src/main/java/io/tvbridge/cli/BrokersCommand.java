package io.tvbridge.cli;

import io.tvbridge.broker.spi.ConfigKey;
import io.tvbridge.core.plugin.BrokerCatalog;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tvbridge brokers}: every broker found, bundled or in the plugins folder, and what each reads. */
@Command(name = "brokers", mixinStandardHelpOptions = true,
        description = {"Lists every broker found: name, version, where it came from, and the settings it reads.",
                "Plugins are searched in the data directory's plugins/ folder."})
final class BrokersCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DataDirectoryOption data;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        BrokerCatalog catalog = BrokerCatalog.discover(data.resolve().resolve("plugins"));
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
