package io.tvbridge.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookAuthenticatorTest {
    private final WebhookAuthenticator authenticator = new WebhookAuthenticator("correct-horse-battery");
    private final byte[] body = "{\"symbol\":\"X\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void acceptsTheBodySecret() {
        assertThatCode(() -> authenticator.check(body, Optional.empty(), Optional.of("correct-horse-battery")))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesAMissingOrWrongSecret() {
        assertThatThrownBy(() -> authenticator.check(body, Optional.empty(), Optional.empty()))
                .isInstanceOfSatisfying(AlertProblem.class,
                        p -> assertThat(p.kind()).isEqualTo(AlertProblem.Kind.UNAUTHORIZED));
        assertThatThrownBy(() -> authenticator.check(body, Optional.empty(), Optional.of("correct-horse-batter")))
                .isInstanceOf(AlertProblem.class).hasMessageContaining("wrong");
    }

    @Test
    void acceptsAValidSignatureWithOrWithoutPrefix() {
        String signature = authenticator.sign(body);
        assertThat(signature).startsWith("sha256=").hasSize(7 + 64);
        assertThatCode(() -> authenticator.check(body, Optional.of(signature), Optional.empty()))
                .doesNotThrowAnyException();
        assertThatCode(() -> authenticator.check(body, Optional.of(signature.substring(7).toUpperCase()),
                Optional.empty())).doesNotThrowAnyException();
    }

    @Test
    void aSignatureDecidesAloneAndMustMatchTheExactBody() {
        String signature = authenticator.sign(body);
        byte[] tampered = "{\"symbol\":\"Y\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> authenticator.check(tampered, Optional.of(signature),
                Optional.of("correct-horse-battery"))).isInstanceOf(AlertProblem.class);
        assertThatThrownBy(() -> authenticator.check(body, Optional.of("sha256=zz"), Optional.empty()))
                .isInstanceOf(AlertProblem.class);
        assertThat(authenticator.toString()).doesNotContain("correct-horse-battery");
    }

    @Test
    void aWrongSignatureIsRefusedWithAReasonThatNamesWhatIsWrong() {
        assertThatThrownBy(() -> authenticator.check(body, Optional.of("sha256=" + "ab".repeat(32)), Optional.empty()))
                .isInstanceOfSatisfying(AlertProblem.class,
                        p -> assertThat(p.kind()).isEqualTo(AlertProblem.Kind.UNAUTHORIZED))
                .hasMessage("the signature does not match the body (HMAC-SHA256 with WEBHOOK_SECRET)");
        assertThatThrownBy(() -> authenticator.check(body, Optional.of("md5=abc"), Optional.empty()))
                .hasMessage("the signature header is not 'sha256=<hex>'");
        String signedWithAnotherSecret = new WebhookAuthenticator("another-secret-entirely").sign(body);
        assertThatThrownBy(() -> authenticator.check(body, Optional.of(signedWithAnotherSecret), Optional.empty()))
                .hasMessageContaining("does not match");
    }
}
