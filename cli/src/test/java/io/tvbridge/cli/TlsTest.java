package io.tvbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvbridge.core.config.ConfigException;
import io.tvbridge.server.WebhookGuard;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS served by the daemon itself, spoken to over TLS with certificates made for the test:
 * PEM files and a PKCS12 keystore, a certificate replaced while it runs, the redirect from plain
 * HTTP, and the TLS client certificate TradingView presents, with and without one.
 */
@Timeout(180)
class TlsTest {
    private static final String TRADINGVIEW_SUBJECT = "C=US, ST=Ohio, L=Westerville, O=TradingView\\, Inc.,"
            + " CN=TradingView Webhooks";
    private static final AtomicLong IDS = new AtomicLong();

    @TempDir
    static Path pkiFolder;
    static TestCertificates pki;

    @TempDir
    Path folder;

    @BeforeAll
    static void makeCertificates() {
        pki = new TestCertificates(pkiFolder)
                .authority("ca", "CN=tvbridge test CA")
                .issue("server-one", "CN=tvbridge one", "EC", "ca")
                .issue("server-two", "CN=tvbridge two", "RSA", "ca")
                .issue("tradingview", TRADINGVIEW_SUBJECT, "EC", "ca")
                .issue("someone", "CN=Someone Else", "RSA", "ca")
                .authority("rogue-ca", "CN=rogue CA")
                .issue("rogue", "CN=TradingView Webhooks", "EC", "rogue-ca");
    }

    private Map<String, String> pemFiles(String alias) throws IOException {
        Path cert = folder.resolve("fullchain.pem");
        Path key = folder.resolve("privkey.pem");
        Files.writeString(cert, pki.certificatePem(alias));
        Files.writeString(key, pki.keyPem(alias));
        return new HashMap<>(Map.of("TLS_CERT", cert.toString(), "TLS_KEY", key.toString()));
    }

    /** A client that trusts the test authority and, when {@code clientAlias} is given, presents that certificate. */
    private static HttpClient client(String clientAlias) throws GeneralSecurityException {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(pki.trusting("ca"));
        KeyManager[] keys = null;
        if (clientAlias != null) {
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(pki.only(clientAlias), TestCertificates.PASSWORD.toCharArray());
            keys = new KeyManager[] {new Presenting((X509KeyManager) factory.getKeyManagers()[0], clientAlias)};
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static HttpResponse<String> get(HttpClient client, TestDaemon tv, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + tv.daemon.port() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> alert(HttpClient client, TestDaemon tv) throws Exception {
        String body = TestDaemon.alert("\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":1,\"price\":190,"
                + "\"alert_id\":\"tls-" + IDS.incrementAndGet() + "\"");
        return client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + tv.daemon.port() + "/webhook"))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String servedSubject(HttpResponse<?> response) throws Exception {
        return ((X509Certificate) response.sslSession().orElseThrow().getPeerCertificates()[0])
                .getSubjectX500Principal().getName();
    }

    @Test
    void pemFilesServeHttpsAndAReplacedCertificateIsTakenInWithoutARestart() throws Exception {
        Map<String, String> env = pemFiles("server-one");
        env.put("TLS_RELOAD_SECONDS", "1");
        try (TestDaemon tv = TestDaemon.start(folder, env)) {
            HttpResponse<String> health = get(client(null), tv, "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(servedSubject(health)).isEqualTo("CN=tvbridge one");
            assertThat(alert(client(null), tv).statusCode()).isEqualTo(200);

            // a renewal: the key first (for a moment it does not fit the certificate), then the certificate
            Files.writeString(Path.of(env.get("TLS_KEY")), pki.keyPem("server-two"));
            Thread.sleep(1500);
            assertThat(servedSubject(get(client(null), tv, "/health"))).as("half a renewal is not taken")
                    .isEqualTo("CN=tvbridge one");
            Files.writeString(Path.of(env.get("TLS_CERT")), pki.certificatePem("server-two"));
            TestDaemon.eventually("the new certificate is served", () -> {
                try {
                    return servedSubject(get(client(null), tv, "/health")).equals("CN=tvbridge two");
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            assertThat(alert(client(null), tv).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aPkcs12KeystoreServesHttpsAndPlainHttpIsRedirected() throws Exception {
        Path keystore = pki.pkcs12("server-two", "server.p12", "keystore-password-1");
        int redirect = freePort();
        try (TestDaemon tv = TestDaemon.start(folder, Map.of("TLS_KEYSTORE", keystore.toString(),
                "TLS_KEYSTORE_PASSWORD", "keystore-password-1", "HTTP_REDIRECT_PORT", String.valueOf(redirect)))) {
            HttpResponse<String> health = get(client(null), tv, "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(servedSubject(health)).isEqualTo("CN=tvbridge two");

            HttpResponse<String> moved = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                    .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + redirect + "/webhook?x=1"))
                            .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(moved.statusCode()).isEqualTo(308);
            assertThat(moved.headers().firstValue("Location")).hasValue("https://127.0.0.1:" + tv.daemon.port()
                    + "/webhook?x=1");
            assertThat(tv.count("select count(*) from signals")).isZero();
        }
    }

    @Test
    void aWrongKeystorePasswordStopsTheStartWithAReason() {
        Path keystore = pki.pkcs12("server-two", "server.p12", "keystore-password-1");
        assertThatThrownBy(() -> TestDaemon.start(folder, Map.of("TLS_KEYSTORE", keystore.toString(),
                "TLS_KEYSTORE_PASSWORD", "not-the-password")).close())
                .isInstanceOf(ConfigException.class)
                .hasMessage("TLS_KEYSTORE_PASSWORD is wrong for " + keystore)
                .hasMessageNotContaining("keystore-password-1");
    }

    @Test
    void aKeyThatIsNotTheCertificatesStopsTheStartWithAReason() throws IOException {
        Map<String, String> env = pemFiles("server-one");
        Files.writeString(Path.of(env.get("TLS_KEY")), pki.keyPem("server-two"));
        assertThatThrownBy(() -> TestDaemon.start(folder, env).close()).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("TLS_KEY (" + env.get("TLS_KEY") + ") is not the key of the certificate in"
                        + " TLS_CERT");
    }

    @Test
    void webhookRequestsNeedTheClientCertificateOfTheConfiguredSubject() throws Exception {
        Path ca = folder.resolve("client-ca.pem");
        Files.writeString(ca, pki.certificatePem("ca"));
        Map<String, String> env = pemFiles("server-one");
        env.putAll(Map.of("TLS_CLIENT_CERT", "required", "TLS_CLIENT_CA", ca.toString()));
        try (TestDaemon tv = TestDaemon.start(folder, env)) {
            HttpResponse<String> without = alert(client(null), tv);
            assertThat(without.statusCode()).isEqualTo(403);
            assertThat(TestDaemon.json(without).path("error").asText()).isEqualTo("a TLS client certificate is"
                    + " required to send alerts (TLS_CLIENT_CERT=required), and this request has none");
            assertThat(get(client(null), tv, "/health").statusCode()).as("health needs no certificate").isEqualTo(200);

            HttpResponse<String> someoneElse = alert(client("someone"), tv);
            assertThat(someoneElse.statusCode()).isEqualTo(403);
            assertThat(TestDaemon.json(someoneElse).path("error").asText()).isEqualTo("the client certificate's"
                    + " subject CN=Someone Else does not match CN=TradingView Webhooks (TLS_CLIENT_SUBJECT)");

            assertThatThrownBy(() -> alert(client("rogue"), tv)).as("a certificate of an authority not trusted")
                    .isInstanceOf(IOException.class);

            HttpResponse<String> tradingView = alert(client("tradingview"), tv);
            assertThat(tradingView.statusCode()).as(tradingView.body()).isEqualTo(200);
            assertThat(tv.count("select count(*) from signals")).isEqualTo(1);
            assertThat(tv.daemon.webhookGuard().refused(WebhookGuard.Refusal.CLIENT_CERTIFICATE)).isEqualTo(2);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Always offers its one certificate, whichever authorities the server names (so an untrusted one is sent too). */
    private static final class Presenting extends X509ExtendedKeyManager {
        private final X509KeyManager keys;
        private final String alias;

        Presenting(X509KeyManager keys, String alias) {
            this.keys = keys;
            this.alias = alias;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return alias;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return alias;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[] {alias};
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String name) {
            return keys.getCertificateChain(name);
        }

        @Override
        public PrivateKey getPrivateKey(String name) {
            return keys.getPrivateKey(name);
        }
    }
}
