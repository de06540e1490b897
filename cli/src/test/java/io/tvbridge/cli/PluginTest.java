package io.tvbridge.cli;

import static io.tvbridge.cli.TestDaemon.alert;
import static io.tvbridge.cli.TestDaemon.eventually;
import static io.tvbridge.cli.TestDaemon.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tvbridge.core.plugin.BrokerCatalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A broker jar dropped into {@code <data-dir>/plugins/} is found, listed, run, and kept apart from tvbridge. */
@Timeout(120)
class PluginTest {
    @TempDir
    Path folder;
    private Path plugins;

    @BeforeEach
    void dropJars() throws Exception {
        plugins = Files.createDirectories(folder.resolve("data/plugins"));
        PluginJars.compile(plugins, "echo", "com.example.echo.EchoBrokerFactory");
        PluginJars.compile(plugins, "throwing", "com.example.throwing.ThrowingFactory");
        PluginJars.missingClass(plugins, "missing-class");
        PluginJars.empty(plugins, "empty");
        PluginJars.garbage(plugins, "garbage");
    }

    @Test
    void thePluginIsFoundAndEveryBrokenJarIsReportedWithoutHidingTheRest() {
        BrokerCatalog catalog = BrokerCatalog.discover(plugins);
        assertThat(catalog.names()).containsExactly("paper", "ibkr", "oanda", "echo");
        assertThat(catalog.find("echo").orElseThrow().source()).endsWith("echo.jar");
        assertThat(catalog.problems()).extracting(BrokerCatalog.Problem::source).anySatisfy(s ->
                assertThat(s).endsWith("throwing.jar")).anySatisfy(s -> assertThat(s).endsWith("missing-class.jar"))
                .anySatisfy(s -> assertThat(s).endsWith("empty.jar")).anySatisfy(s -> assertThat(s).endsWith("garbage.jar"));
        assertThat(problem(catalog, "throwing.jar")).contains("boom: this plugin cannot start");
        assertThat(problem(catalog, "missing-class.jar")).contains("com.example.gone.GoneFactory");
        assertThat(problem(catalog, "empty.jar")).contains("provides no broker");
        assertThat(problem(catalog, "garbage.jar")).contains("is not a readable jar file");
    }

    @Test
    void theBrokersCommandListsThePluginWithItsSettings() {
        StringWriter out = new StringWriter();
        int exit = Main.execute(new PrintWriter(out), new PrintWriter(new StringWriter()),
                "brokers", "--data-dir", folder.resolve("data").toString());
        assertThat(exit).isZero();
        assertThat(out.toString())
                .contains("paper ").contains("(bundled)")
                .contains("echo 7.7.7  (" + plugins.resolve("echo.jar") + ")")
                .contains("ECHO_COMMISSION").contains("ECHO_TOKEN").contains("(secret)")
                .contains("skipped " + plugins.resolve("throwing.jar")).contains("boom");
    }

    @Test
    void thePluginRunsBehindTheWebhookAndSeesOnlyTheSpiAndTheJdk() {
        try (TestDaemon tv = TestDaemon.start(folder, Map.of("BROKER", "echo", "ECHO_COMMISSION", "0.25",
                "ECHO_TOKEN", "plugin-token-never-shown"))) {
            JsonNode answer = json(tv.post(alert("\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":4,\"price\":50")));
            assertThat(answer.get("decision").asText()).isEqualTo("accepted");
            eventually("the plugin's fill is recorded", () -> tv.count("select count(*) from positions"
                    + " where broker = 'echo' and symbol = 'AAPL' and quantity = 4") == 1);
            assertThat(tv.count("select count(*) from fills where broker = 'echo' and commission = 0.25")).isEqualTo(1);

            JsonNode health = json(tv.get("/health"));
            assertThat(health.at("/broker/name").asText()).isEqualTo("echo");
            assertThat(health.at("/broker/version").asText()).isEqualTo("7.7.7");
            assertThat(health.at("/broker/sees_spi").asText()).isEqualTo("true");
            assertThat(health.at("/broker/sees_tvbridge_core").asText()).isEqualTo("false");
            assertThat(health.at("/broker/sees_jackson").asText()).isEqualTo("false");
            assertThat(health.at("/broker/sees_slf4j").asText()).isEqualTo("false");
            assertThat(health.toString()).doesNotContain("plugin-token-never-shown");
        }
    }

    @Test
    void theBundledBrokersStillRunBesideBrokenPlugins() {
        try (TestDaemon tv = TestDaemon.start(folder)) {
            assertThat(json(tv.post(alert("\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":1,\"price\":5")))
                    .get("decision").asText()).isEqualTo("accepted");
            assertThat(json(tv.get("/health")).at("/broker/name").asText()).isEqualTo("paper");
        }
    }

    @Test
    void aBrokenPluginCannotBeChosenAndTheErrorSaysWhy() {
        StringWriter err = new StringWriter();
        int exit = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "run", "--port", "0",
                "--host", "127.0.0.1", "--data-dir", folder.resolve("data").toString(), "--broker", "throwing");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("tvbridge: unknown broker 'throwing' (BROKER); brokers found:"
                + " paper, ibkr, oanda, echo").contains("throwing.jar").contains("boom").doesNotContain("\tat ");
    }

    private static String problem(BrokerCatalog catalog, String jar) {
        return catalog.problems().stream().filter(p -> p.source().endsWith(jar)).findFirst().orElseThrow().message();
    }
}
