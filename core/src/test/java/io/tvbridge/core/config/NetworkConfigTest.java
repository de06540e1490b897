package io.tvbridge.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkConfigTest {

    private static NetworkConfig read(Map<String, String> values) {
        return NetworkConfig.from(ConfigValues.layered(values));
    }

    @Test
    void defaults() {
        NetworkConfig network = NetworkConfig.defaults();
        assertThat(network.webhookAllow().isEmpty()).isTrue();
        assertThat(network.trustedProxies().isEmpty()).isTrue();
        assertThat(network.rateLimit()).isEqualTo(600);
        assertThat(network.authFailureLimit()).isEqualTo(10);
        assertThat(network.maxAlertAge()).isEqualTo(Duration.ofSeconds(900));
        assertThat(network.adminHost()).isEqualTo("127.0.0.1");
        assertThat(network.adminSeparate()).isFalse();
        assertThat(network.tls()).isEmpty();
        assertThat(network.httpRedirectPort()).isEmpty();
    }

    @Test
    void everySetting() {
        NetworkConfig network = read(Map.ofEntries(Map.entry("WEBHOOK_ALLOW", "tradingview,10.0.0.0/8"),
                Map.entry("TRUSTED_PROXIES", "127.0.0.1"), Map.entry("WEBHOOK_RATE_LIMIT", "60"),
                Map.entry("WEBHOOK_AUTH_FAILURE_LIMIT", "3"), Map.entry("WEBHOOK_MAX_AGE", "0"),
                Map.entry("ADMIN_HOST", "10.0.0.5"), Map.entry("ADMIN_PORT", "9090"),
                Map.entry("TLS_CERT", "/etc/tls/fullchain.pem"), Map.entry("TLS_KEY", "/etc/tls/privkey.pem"),
                Map.entry("TLS_CLIENT_CERT", "required"),
                Map.entry("TLS_CLIENT_SUBJECT", "O=TradingView\\, Inc., CN=TradingView Webhooks"),
                Map.entry("TLS_CLIENT_CA", "/etc/tls/ca.pem"), Map.entry("TLS_RELOAD_SECONDS", "5"),
                Map.entry("HTTP_REDIRECT_PORT", "80"), Map.entry("TLS_KEYSTORE_PASSWORD", "not-shown-anywhere")));
        assertThat(network.webhookAllow().ranges()).hasSize(5);
        assertThat(network.trustedProxies().contains("127.0.0.1")).isTrue();
        assertThat(network.rateLimit()).isEqualTo(60);
        assertThat(network.authFailureLimit()).isEqualTo(3);
        assertThat(network.maxAlertAge()).isZero();
        assertThat(network.adminHost()).isEqualTo("10.0.0.5");
        assertThat(network.adminPort()).hasValue(9090);
        assertThat(network.httpRedirectPort()).hasValue(80);
        TlsConfig tls = network.tls().orElseThrow();
        assertThat(tls.certificate()).contains(Path.of("/etc/tls/fullchain.pem"));
        assertThat(tls.privateKey()).contains(Path.of("/etc/tls/privkey.pem"));
        assertThat(tls.keystore()).isEmpty();
        assertThat(tls.clientCertificate()).isEqualTo(TlsConfig.ClientCertificate.REQUIRED);
        assertThat(tls.clientSubject()).isEqualTo("O=TradingView\\, Inc., CN=TradingView Webhooks");
        assertThat(tls.clientCa()).contains(Path.of("/etc/tls/ca.pem"));
        assertThat(tls.reloadCheck()).isEqualTo(Duration.ofSeconds(5));
        assertThat(network.toString()).doesNotContain("not-shown-anywhere");
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> read(Map.of("WEBHOOK_ALLOW", "tradingview,example.com")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("WEBHOOK_ALLOW: 'example.com' is not an IP"
                        + " address or CIDR range");
        assertThatThrownBy(() -> read(Map.of("TLS_CERT", "a.pem"))).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("TLS_CERT and TLS_KEY go together");
        assertThatThrownBy(() -> read(Map.of("TLS_KEYSTORE", "a.p12", "TLS_KEY", "k.pem")))
                .isInstanceOf(ConfigException.class).hasMessage("set either TLS_KEYSTORE or TLS_CERT and TLS_KEY, not"
                        + " both");
        assertThatThrownBy(() -> read(Map.of("TLS_CLIENT_CERT", "required"))).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("TLS_CLIENT_CERT=required needs HTTPS");
        assertThatThrownBy(() -> read(Map.of("TLS_KEYSTORE", "a.p12", "TLS_CLIENT_CERT", "maybe")))
                .isInstanceOf(ConfigException.class).hasMessage("TLS_CLIENT_CERT must be none or required, but is"
                        + " 'maybe'");
        assertThatThrownBy(() -> read(Map.of("HTTP_REDIRECT_PORT", "80"))).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("HTTP_REDIRECT_PORT redirects to HTTPS, which needs");
        assertThatThrownBy(() -> read(Map.of("PORT", "8080", "ADMIN_PORT", "8080"))).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("ADMIN_PORT must differ from PORT (8080)");
        assertThatThrownBy(() -> read(Map.of("PORT", "443", "TLS_KEYSTORE", "a.p12", "HTTP_REDIRECT_PORT", "443")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("HTTP_REDIRECT_PORT must differ from PORT");
        assertThatThrownBy(() -> read(Map.of("WEBHOOK_RATE_LIMIT", "-1"))).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("WEBHOOK_RATE_LIMIT must be between 0 and");
    }
}
