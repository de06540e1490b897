package io.tvbridge.server;

import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Whether a webhook request brought the TLS client certificate we expect. The TLS handshake has
 * already checked the chain against the client CA and the dates; this checks that there is a
 * certificate at all and that its subject carries every part of the configured subject
 * ({@code CN=TradingView Webhooks} matches TradingView's {@code C=US, ..., CN=TradingView Webhooks}).
 */
final class ClientCertificateCheck {
    private final String subject;
    private final List<Rdn> required;

    ClientCertificateCheck(String subject) {
        this.subject = subject;
        try {
            this.required = new LdapName(subject).getRdns();
        } catch (InvalidNameException e) {
            throw new IllegalArgumentException("not a certificate subject: " + subject, e);
        }
    }

    /** Why the request is refused, or empty when its certificate is the right one. */
    Optional<String> refusal(Object chain) {
        if (!(chain instanceof X509Certificate[] certificates) || certificates.length == 0) {
            return Optional.of("a TLS client certificate is required to send alerts (TLS_CLIENT_CERT=required), and"
                    + " this request has none");
        }
        String presented = certificates[0].getSubjectX500Principal().getName();
        Set<Rdn> parts;
        try {
            parts = new HashSet<>(new LdapName(presented).getRdns());
        } catch (InvalidNameException e) {
            return Optional.of("the client certificate's subject cannot be read");
        }
        if (!parts.containsAll(required)) {
            return Optional.of("the client certificate's subject " + presented + " does not match " + subject
                    + " (TLS_CLIENT_SUBJECT)");
        }
        return Optional.empty();
    }
}
