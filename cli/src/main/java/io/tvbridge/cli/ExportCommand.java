package io.tvbridge.cli;

import io.tvbridge.core.config.PostgresConfig;
import io.tvbridge.core.store.DataDirectoryLock;
import io.tvbridge.core.store.TimeRange;
import io.tvbridge.core.store.export.ExportFormat;
import io.tvbridge.core.store.export.ExportKind;
import io.tvbridge.core.store.export.Exporter;
import io.tvbridge.core.store.mybatis.MyBatisStore;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tvbridge export trades|orders|signals}: journals for spreadsheets and tax tools. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Exports the trades (fills), orders or signals of a stopped daemon, oldest first.",
                "CSV has a header row and RFC 4180 quoting; JSON is one array. Times are ISO-8601 in UTC.",
                "Trades are chosen by when they filled, orders by when they were created, signals by when they"
                        + " were received."})
final class ExportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DataDirectoryOption data;

    @Parameters(paramLabel = "trades|orders|signals", description = "what to export")
    String kind;

    @Option(names = "--from", paramLabel = "WHEN",
            description = "from this date (2025-01-01, the whole UTC day) or UTC time (2025-01-01T14:30:00Z)")
    String from;

    @Option(names = "--to", paramLabel = "WHEN",
            description = "up to this date (included) or UTC time (excluded)")
    String to;

    @Option(names = "--format", paramLabel = "csv|json", defaultValue = "csv", description = "csv (default) or json")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "write to this file (default: standard output)")
    Path out;

    @Override
    public Integer call() throws IOException {
        ExportKind exportKind = ExportKind.parse(kind).orElseThrow(() -> invalid("unknown export '" + kind
                + "'; choose " + choices(ExportKind.values())));
        ExportFormat exportFormat = ExportFormat.parse(format).orElseThrow(() -> invalid("unknown format '" + format
                + "'; choose " + choices(ExportFormat.values())));
        TimeRange range;
        try {
            range = TimeRange.parse(Optional.ofNullable(from), Optional.ofNullable(to));
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        Path dataDirectory = data.resolve();
        Optional<PostgresConfig> postgres = data.postgres();
        if (postgres.isPresent()) {
            // PostgreSQL serves a running daemon and this export at once: the data directory needs no lock
            try (MyBatisStore store = MyBatisStore.open(postgres, dataDirectory, Clock.systemUTC())) {
                return export(store, exportKind, range, exportFormat);
            }
        }
        MyBatisStore.requireH2(dataDirectory);
        try (DataDirectoryLock lock = DataDirectoryLock.acquire(dataDirectory, "tvbridge export");
             MyBatisStore store = MyBatisStore.openH2(dataDirectory, Clock.systemUTC())) {
            return export(store, exportKind, range, exportFormat);
        }
    }

    private int export(MyBatisStore store, ExportKind exportKind, TimeRange range, ExportFormat exportFormat)
            throws IOException {
        if (out == null) {
            Exporter.export(store, exportKind, range, exportFormat, spec.commandLine().getOut());
            return 0;
        }
        int rows;
        try (Writer file = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            rows = Exporter.export(store, exportKind, range, exportFormat, file);
        }
        spec.commandLine().getErr().printf("%d %s written to %s%n", rows, exportKind.wireName(), out);
        spec.commandLine().getErr().flush();
        return 0;
    }

    private CommandLine.ParameterException invalid(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private static String choices(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
