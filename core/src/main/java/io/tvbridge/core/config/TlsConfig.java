package io.tvbridge.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * HTTPS served by tvbridge itself: the server's key and certificate, from a PKCS12 keystore or
 * from PEM files, and whether webhook requests must bring a TLS client certificate.
 *
 * @param keystore         a PKCS12 file with the key and its certificate chain, or empty for PEM files
 * @param keystorePassword the keystore's password (a secret: never printed)
 * @param certificate      the PEM certificate chain, server certificate first (e.g. fullchain.pem)
 * @param privateKey       the PEM private key (PKCS8, RSA or EC)
 * @param clientCertificate whether {@code /webhook} demands a client certificate
 * @param clientSubject    the subject a client certificate must carry, e.g. {@code CN=TradingView Webhooks}
 * @param clientCa         PEM certificates of the authorities that sign client certificates, or the JDK's own list
 * @param reloadCheck      how often the files are checked for a new certificate
 */
public record TlsConfig(Optional<Path> keystore, String keystorePassword, Optional<Path> certificate,
                        Optional<Path> privateKey, ClientCertificate clientCertificate, String clientSubject,
                        Optional<Path> clientCa, Duration reloadCheck) {

    /** Whether webhook requests must present a client certificate. */
    public enum ClientCertificate {
        /** No client certificate is asked for. */
        NONE,
        /** {@code /webhook} refuses requests without a valid client certificate of the configured subject. */
        REQUIRED
    }

    public TlsConfig {
        Objects.requireNonNull(keystore, "keystore");
        Objects.requireNonNull(keystorePassword, "keystorePassword");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(clientCertificate, "clientCertificate");
        Objects.requireNonNull(clientSubject, "clientSubject");
        Objects.requireNonNull(clientCa, "clientCa");
        Objects.requireNonNull(reloadCheck, "reloadCheck");
    }

    @Override
    public String toString() {
        return "TlsConfig[keystore=" + keystore + ", keystorePassword=***, certificate=" + certificate
                + ", privateKey=" + privateKey + ", clientCertificate=" + clientCertificate + ", clientSubject="
                + clientSubject + ", clientCa=" + clientCa + ", reloadCheck=" + reloadCheck + "]";
    }
}
