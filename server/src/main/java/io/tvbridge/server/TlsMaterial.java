package io.tvbridge.server;

import io.tvbridge.core.config.ConfigException;
import io.tvbridge.core.config.NetworkConfig;
import io.tvbridge.core.config.TlsConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The keys and certificates HTTPS runs on, read from the configured files: the server's key and
 * chain (a PKCS12 keystore, or PEM files put into an in-memory keystore), and, when client
 * certificates are required, the authorities trusted to sign them. Reading again gives a new
 * instance, which is how a renewed certificate is taken in.
 *
 * @param keyStore    the server's key entry and its chain
 * @param keyPassword the password of that entry (never printed)
 * @param trustStore  the client certificate authorities, or empty when no client certificate is asked for
 * @param certificate the server's own certificate, for the log
 */
record TlsMaterial(KeyStore keyStore, String keyPassword, Optional<KeyStore> trustStore, X509Certificate certificate) {
    private static final String ALIAS = "tvbridge";

    /** Reads the files of {@code tls}; a file that is missing, unreadable or wrong throws, naming its setting. */
    static TlsMaterial read(TlsConfig tls) {
        KeyStore keyStore;
        String password;
        if (tls.keystore().isPresent()) {
            password = tls.keystorePassword();
            keyStore = keystore(tls.keystore().get(), password);
        } else {
            password = randomPassword();
            keyStore = fromPem(tls.certificate().orElseThrow(), tls.privateKey().orElseThrow(), password);
        }
        Optional<KeyStore> trust = tls.clientCertificate() == TlsConfig.ClientCertificate.REQUIRED
                ? Optional.of(clientAuthorities(tls.clientCa())) : Optional.empty();
        return new TlsMaterial(keyStore, password, trust, serverCertificate(keyStore));
    }

    /** The files {@code tls} reads, which are watched for changes. */
    static List<Path> files(TlsConfig tls) {
        List<Path> files = new ArrayList<>();
        tls.keystore().ifPresent(files::add);
        tls.certificate().ifPresent(files::add);
        tls.privateKey().ifPresent(files::add);
        tls.clientCa().ifPresent(files::add);
        return files;
    }

    private static KeyStore keystore(Path file, String password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, password.toCharArray());
            if (Collections.list(keyStore.aliases()).stream().noneMatch(alias -> isKey(keyStore, alias))) {
                throw new ConfigException(NetworkConfig.TLS_KEYSTORE + ": " + file + " holds no private key");
            }
            return keyStore;
        } catch (IOException e) {
            if (e.getCause() instanceof java.security.UnrecoverableKeyException) {
                throw new ConfigException(NetworkConfig.TLS_KEYSTORE_PASSWORD + " is wrong for " + file);
            }
            throw new ConfigException(NetworkConfig.TLS_KEYSTORE + ": cannot read " + file + " as a PKCS12 keystore ("
                    + e.getMessage() + ")");
        } catch (GeneralSecurityException e) {
            throw new ConfigException(NetworkConfig.TLS_KEYSTORE + ": cannot read " + file + " (" + e.getMessage()
                    + ")");
        }
    }

    private static boolean isKey(KeyStore keyStore, String alias) {
        try {
            return keyStore.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static KeyStore fromPem(Path certificateFile, Path keyFile, String password) {
        List<X509Certificate> chain;
        try {
            chain = PemFiles.certificates(certificateFile);
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException(NetworkConfig.TLS_CERT + ": cannot read " + certificateFile + " as PEM"
                    + " certificates (" + e.getMessage() + ")");
        }
        PrivateKey key;
        try {
            key = PemFiles.privateKey(keyFile);
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException(NetworkConfig.TLS_KEY + ": cannot read " + keyFile + " (" + e.getMessage() + ")");
        }
        if (!belongTogether(key, chain.get(0))) {
            throw new ConfigException(NetworkConfig.TLS_KEY + " (" + keyFile + ") is not the key of the certificate in "
                    + NetworkConfig.TLS_CERT + " (" + certificateFile + ")");
        }
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry(ALIAS, key, password.toCharArray(), chain.toArray(new Certificate[0]));
            return keyStore;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("an in-memory keystore failed: " + e.getMessage(), e);
        }
    }

    /** Whether the certificate's public key verifies what the private key signs (a renewal half written fails here). */
    private static boolean belongTogether(PrivateKey key, X509Certificate certificate) {
        String algorithm = switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> key.getAlgorithm();
        };
        try {
            byte[] probe = "tvbridge".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static KeyStore clientAuthorities(Optional<Path> caFile) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            List<X509Certificate> authorities = caFile.isPresent() ? readAuthorities(caFile.get()) : jdkAuthorities();
            for (int i = 0; i < authorities.size(); i++) {
                trust.setCertificateEntry("ca-" + i, authorities.get(i));
            }
            return trust;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("an in-memory truststore failed: " + e.getMessage(), e);
        }
    }

    private static List<X509Certificate> readAuthorities(Path file) {
        try {
            return PemFiles.certificates(file);
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException(NetworkConfig.TLS_CLIENT_CA + ": cannot read " + file + " as PEM certificates ("
                    + e.getMessage() + ")");
        }
    }

    /** The public authorities the JDK trusts, when no client CA is configured. */
    private static List<X509Certificate> jdkAuthorities() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (var manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return List.of(x509.getAcceptedIssuers());
            }
        }
        return List.of();
    }

    private static X509Certificate serverCertificate(KeyStore keyStore) {
        try {
            for (String alias : Collections.list(keyStore.aliases())) {
                if (keyStore.isKeyEntry(alias) && keyStore.getCertificate(alias) instanceof X509Certificate x509) {
                    return x509;
                }
            }
        } catch (GeneralSecurityException e) {
            throw new ConfigException("the TLS keystore cannot be read: " + e.getMessage());
        }
        throw new ConfigException("the TLS keystore holds no certificate for its key");
    }

    /** The in-memory keystore's password: never stored, never shown, new at each start. */
    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "TlsMaterial[" + certificate.getSubjectX500Principal().getName() + ", keyPassword=***]";
    }
}
