package io.tvbridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvbridge.core.net.AddressList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-source buckets and the reading of X-Forwarded-For, apart from the server. */
class SourceLimiterTest {

    @Test
    void aBurstUpToTheLimitPassesThenTheSourceWaits() {
        SourceLimiter limiter = new SourceLimiter(3, 100);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.take("198.51.100.1")).isEmpty();
        }
        assertThat(limiter.take("198.51.100.1").orElseThrow()).isBetween(1L, 20L);   // a token comes back every 20 s
        assertThat(limiter.take("198.51.100.2")).isEmpty();
    }

    @Test
    void spentTokensExhaustASourceWithoutAffectingOthers() {
        SourceLimiter failures = new SourceLimiter(2, 100);
        assertThat(failures.exhausted("198.51.100.1")).isEmpty();
        failures.spend("198.51.100.1");
        assertThat(failures.exhausted("198.51.100.1")).isEmpty();
        failures.spend("198.51.100.1");
        assertThat(failures.exhausted("198.51.100.1")).isPresent();
        assertThat(failures.exhausted("198.51.100.2")).isEmpty();
    }

    @Test
    void theNumberOfSourcesRememberedIsBounded() {
        SourceLimiter limiter = new SourceLimiter(1, 3);
        for (int i = 0; i < 50; i++) {
            limiter.take("10.0.0." + i);
        }
        assertThat(limiter.size()).isEqualTo(3);
        assertThat(limiter.take("10.0.0.49")).as("recently seen, still limited").isPresent();
        assertThat(limiter.take("10.0.0.1")).as("forgotten, a full bucket again").isEmpty();
    }

    @Test
    void forwardedForIsReadFromTheRightAndOnlyBehindATrustedProxy() {
        SourceAddress sources = new SourceAddress(AddressList.parse("127.0.0.1, 10.0.0.0/8"));
        assertThat(sources.resolve("127.0.0.1", headers("203.0.113.1, 198.51.100.9"))).isEqualTo("198.51.100.9");
        assertThat(sources.resolve("127.0.0.1", headers("203.0.113.1", "198.51.100.9, 10.0.0.2")))
                .isEqualTo("198.51.100.9");
        assertThat(sources.resolve("127.0.0.1", headers("10.0.0.3, 10.0.0.2"))).isEqualTo("10.0.0.3");
        assertThat(sources.resolve("127.0.0.1", headers())).isEqualTo("127.0.0.1");
        assertThat(sources.resolve("192.0.2.5", headers("203.0.113.1"))).as("not a trusted proxy")
                .isEqualTo("192.0.2.5");
        assertThat(new SourceAddress(AddressList.NONE).resolve("127.0.0.1", headers("203.0.113.1")))
                .isEqualTo("127.0.0.1");
    }

    private static List<String> headers(String... values) {
        return List.of(values);
    }
}
