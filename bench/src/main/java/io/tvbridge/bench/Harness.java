package io.tvbridge.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The harnesses that measure the built tvbridge.jar as a child process, each printing its figures
 * with the machine they were measured on. Run from the project folder:
 * {@code java -cp bench/target/benchmarks.jar io.tvbridge.bench.Harness <harness> [options]}.
 */
@Command(name = "harness", mixinStandardHelpOptions = true,
        description = "Measures tvbridge.jar as a child process.",
        subcommands = {WebhookVsJetty.class, WireLatency.class, StartupAndMemory.class, Burst.class, ProfileSummary.class,
                CommandLine.HelpCommand.class})
public final class Harness implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Harness()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
