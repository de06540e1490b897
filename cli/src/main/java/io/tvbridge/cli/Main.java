package io.tvbridge.cli;

import io.tvbridge.core.Version;
import io.tvbridge.core.config.ConfigException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tvbridge} command. */
@Command(name = "tvbridge",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "Turns TradingView alerts into broker orders, safely.",
        subcommands = {RunCommand.class, BrokersCommand.class, BenchCommand.class, BenchServerCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line with the given output streams and returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        Logging.routeJavaUtilLogging();
        CommandLine commandLine = new CommandLine(new Main()).setOut(out).setErr(err);
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            if (exception instanceof ConfigException) {
                line.getErr().println("tvbridge: " + exception.getMessage());
                return 2;
            }
            throw exception;
        });
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        spec.commandLine().usage(out);
    }

    /** {@code tvbridge --version}. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"tvbridge " + Version.current() + " (Java " + Runtime.version() + ")"};
        }
    }
}
