package io.tvbridge.cli;

import io.tvbridge.cli.bench.AlertBodies;
import io.tvbridge.cli.bench.DaemonFacts;
import io.tvbridge.cli.bench.JettyTransport;
import io.tvbridge.cli.bench.LoadGenerator;
import io.tvbridge.cli.bench.LoadPlan;
import io.tvbridge.cli.bench.LoadReport;
import io.tvbridge.cli.bench.LoadResult;
import io.tvbridge.cli.bench.NanoClock;
import io.tvbridge.cli.bench.Reply;
import io.tvbridge.cli.bench.ReplyObserver;
import io.tvbridge.core.config.ConfigException;
import io.tvbridge.core.config.ConfigValues;
import io.tvbridge.core.config.DotEnv;
import io.tvbridge.core.config.SecretsFile;
import io.tvbridge.core.config.TvBridgeConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tvbridge bench}: sends authenticated alerts to a running daemon and reports how fast it
 * acknowledged them. It reads {@code /health} first and refuses to place real orders unless asked.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Sends alerts to a running daemon at a fixed rate or as fast as possible and reports acks/s,"
                + " errors by kind and latency percentiles (p50, p90, p99, p99.9, max).",
                "Every alert is a real alert with a unique alert_id: it is stored and decided, and against a broker"
                        + " other than paper (without DRY_RUN) it places a real order, so bench refuses that unless"
                        + " given " + DaemonFacts.LIVE_ORDERS_FLAG + ".",
                "Exit code: 0 when every alert was acknowledged, 1 when some were not, 2 when the bench did not run."})
final class BenchCommand implements Callable<Integer> {
    static final String DAEMON_URL_FILE = "daemon.url";
    private static final String DEFAULT_URL = "http://127.0.0.1:8080";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--url", description = "the daemon's address (default: <data-dir>/" + DAEMON_URL_FILE
            + " if the daemon wrote it, else " + DEFAULT_URL + ")")
    URI url;

    @Option(names = "--data-dir", description = "where to find the daemon's address and secrets.env (env DATA_DIR,"
            + " default ./data)")
    Path dataDirectory;

    @Option(names = "--secret", description = "the webhook secret (default: WEBHOOK_SECRET from the environment,"
            + " .env or <data-dir>/secrets.env)")
    String secret;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Pace pace;

    static final class Pace {
        @Option(names = "--rate", paramLabel = "N", description = "alerts a second, on a fixed schedule; latency counts"
                + " from each alert's due time (coordinated omission accounted for)")
        Integer rate;

        @Option(names = "--max", description = "as fast as possible: each connection sends its next alert when the"
                + " last is answered")
        boolean max;
    }

    @Option(names = "--connections", defaultValue = "8", description = "connections (and senders) at once (default 8)")
    int connections;

    @Option(names = "--duration", defaultValue = "30s", converter = DurationConverter.class,
            description = "how long to measure, e.g. 30s, 2m, 500ms (default 30s)")
    Duration duration;

    @Option(names = "--warmup", defaultValue = "5s", converter = DurationConverter.class,
            description = "sending before measuring, not counted (default 5s)")
    Duration warmup;

    @Option(names = "--symbols", defaultValue = "20", description = "a count (BENCH1, BENCH2, ...) or a comma-separated"
            + " list of symbols; alerts go to them in turn (default 20)")
    String symbols;

    @Option(names = "--exit-ratio", defaultValue = "0", description = "share of the alerts that are sells, from 0 to 1,"
            + " to exercise exits first (default 0)")
    double exitRatio;

    @Option(names = "--timeout", defaultValue = "10s", converter = DurationConverter.class,
            description = "longest wait for one answer (default 10s)")
    Duration timeout;

    @Option(names = "--json", description = "print the report as JSON")
    boolean json;

    @Option(names = DaemonFacts.LIVE_ORDERS_FLAG, description = "run even though the daemon sends orders to a real"
            + " broker (not paper, DRY_RUN off): every alert places a real order")
    boolean liveOrders;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConfigValues values = ConfigValues.layered(System.getenv(), DotEnv.read(Path.of(".env")));
        Path data = dataDirectory != null ? dataDirectory
                : values.path(TvBridgeConfig.DATA_DIR, TvBridgeConfig.DEFAULT_DATA_DIR);
        URI base = baseUrl(url != null ? url : daemonUrl(data).orElse(URI.create(DEFAULT_URL)));
        LoadPlan plan;
        try {
            plan = new LoadPlan(base.resolve("/webhook"), secret(values, data), pace.max ? 0 : pace.rate, connections,
                    duration, warmup, symbolList(), exitRatio, timeout);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }

        try (JettyTransport transport = new JettyTransport(plan.webhook(), plan.connections(), plan.timeout())) {
            DaemonFacts facts = probe(transport, base);
            if (facts.refusal(liveOrders).isPresent()) {
                err.println("tvbridge bench: " + facts.refusal(liveOrders).get());
                return 2;
            }
            if (!json) {
                out.printf("tvbridge bench: %s runs the %s; sending...%n", base, facts.describe());
                out.flush();
            }
            LoadResult result = new LoadGenerator(plan, transport, AlertBodies.of(plan)::body, NanoClock.SYSTEM,
                    ReplyObserver.NONE).run();
            LoadReport report = LoadReport.of(plan, facts.describe(), result);
            out.print(json ? report.json() + System.lineSeparator() : report.text());
            out.flush();
            return report.errors() == 0 && report.sent() > 0 ? 0 : 1;
        }
    }

    private static DaemonFacts probe(JettyTransport transport, URI base) {
        URI health = base.resolve("/health");
        try {
            Reply.Answered answer = transport.get(health);
            if (answer.status() != 200 && answer.status() != 503) {
                throw new ConfigException("GET " + health + " answered HTTP " + answer.status() + "; is tvbridge"
                        + " running there?");
            }
            return DaemonFacts.parse(answer.body());
        } catch (IOException e) {
            throw new ConfigException("cannot read " + health + " (" + e.getMessage() + "); is tvbridge running there?"
                    + " Give its address with --url.");
        }
    }

    /** The address the daemon of {@code data} wrote while it runs, if any. */
    static Optional<URI> daemonUrl(Path data) {
        Path file = data.resolve(DAEMON_URL_FILE);
        try {
            return Files.isRegularFile(file) ? Optional.of(URI.create(Files.readString(file).strip()))
                    : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The daemon's base address, whether given as {@code http://host:port} or as its webhook URL. */
    static URI baseUrl(URI given) {
        String text = given.toString().replaceAll("/+$", "");
        if (text.endsWith("/webhook")) {
            text = text.substring(0, text.length() - "/webhook".length());
        }
        return URI.create(text + "/");
    }

    private String secret(ConfigValues values, Path data) {
        if (secret != null) {
            return secret;
        }
        return values.over(DotEnv.read(SecretsFile.location(data))).text(TvBridgeConfig.WEBHOOK_SECRET)
                .orElseThrow(() -> new ConfigException("no webhook secret: give --secret, set WEBHOOK_SECRET, or point"
                        + " --data-dir at the daemon's data directory (its secrets.env)"));
    }

    private List<String> symbolList() {
        if (symbols.strip().matches("\\d+")) {
            return LoadPlan.numberedSymbols(Integer.parseInt(symbols.strip()));
        }
        return Arrays.stream(symbols.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** {@code 30s}, {@code 2m}, {@code 500ms}, or a number of seconds. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            String value = text.strip().toLowerCase(Locale.ROOT);
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            if (value.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            if (value.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(value));
        }
    }
}
