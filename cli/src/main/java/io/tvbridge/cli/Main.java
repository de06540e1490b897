package io.tvbridge.cli;

import io.tvbridge.core.Version;
import io.tvbridge.core.config.ConfigException;
import io.tvbridge.core.store.StoreException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code tvbridge} command. */
@Command(name = "tvbridge",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "Turns TradingView alerts into broker orders, safely.",
        subcommands = {RunCommand.class, InitCommand.class, CheckCommand.class, BrokersCommand.class,
                ControlCommands.Status.class, ControlCommands.Kill.class, ControlCommands.Pause.class,
                ControlCommands.Resume.class, ControlCommands.Flatten.class, ControlCommands.Reconcile.class,
                ControlCommands.Adopt.class, RecordCommands.Positions.class, RecordCommands.Orders.class,
                RecordCommands.Trades.class, RecordCommands.Pnl.class, RecordCommands.Slippage.class,
                SettingsCommand.class, SignCommand.class,
                AlertTemplateCommand.class, AlertCommand.class, DbCommand.class, ExportCommand.class, BenchCommand.class,
                BenchServerCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // UTF-8 whatever the locale: exports go to standard output and must reach a file intact
        System.exit(execute(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true), args));
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
            if (exception instanceof StoreException) {
                line.getErr().println("tvbridge: " + exception.getMessage());
                return 1;
            }
            if (exception instanceof AdminCallFailed failed) {
                line.getErr().println("tvbridge: " + failed.getMessage());
                return failed.exitCode();
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
