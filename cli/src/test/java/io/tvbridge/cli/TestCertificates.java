package io.tvbridge.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Certificates made at test time with the JDK's keytool: authorities, and keys signed by them
 * ({@code -genkeypair -signer}), all in one PKCS12 file; written out as PKCS12 or PEM as a test
 * needs them.
 */
final class TestCertificates {
    static final String PASSWORD = "test-store-password";

    private final Path folder;
    private final Path store;

    TestCertificates(Path folder) {
        this.folder = folder;
        this.store = folder.resolve("pki.p12");
    }

    /** A self-signed authority. */
    TestCertificates authority(String alias, String subject) {
        keytool("-genkeypair", "-alias", alias, "-keyalg", "EC", "-dname", subject, "-ext", "bc:c", "-validity", "2");
        return this;
    }

    /** A key of {@code algorithm} (RSA or EC) with a certificate for 127.0.0.1 signed by {@code authority}. */
    TestCertificates issue(String alias, String subject, String algorithm, String authority) {
        keytool("-genkeypair", "-alias", alias, "-keyalg", algorithm, "-dname", subject, "-signer", authority,
                "-signerkeypass", PASSWORD, "-ext", "san=ip:127.0.0.1", "-validity", "2");
        return this;
    }

    private void keytool(String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString()));
        command.addAll(List.of(arguments));
        command.addAll(List.of("-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD,
                "-keypass", PASSWORD, "-noprompt"));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + String.join(" ", arguments) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    KeyStore all() {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, PASSWORD.toCharArray());
            return keyStore;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A keystore holding only {@code alias}'s key and chain. */
    KeyStore only(String alias) {
        return only(alias, PASSWORD);
    }

    /** A keystore holding only {@code alias}'s key and chain, the key under {@code password}. */
    private KeyStore only(String alias, String password) {
        try {
            KeyStore all = all();
            KeyStore one = KeyStore.getInstance("PKCS12");
            one.load(null, null);
            one.setKeyEntry(alias, all.getKey(alias, PASSWORD.toCharArray()), password.toCharArray(),
                    all.getCertificateChain(alias));
            return one;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A truststore of {@code alias}'s certificate. */
    KeyStore trusting(String alias) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry(alias, all().getCertificate(alias));
            return trust;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code alias}'s key and chain as a PKCS12 file with {@code password}. */
    Path pkcs12(String alias, String file, String password) {
        Path path = folder.resolve(file);
        try (OutputStream out = Files.newOutputStream(path)) {
            only(alias, password).store(out, password.toCharArray());
            return path;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code alias}'s chain (its own certificate first), PEM. */
    String certificatePem(String alias) {
        try {
            Certificate[] chain = all().getCertificateChain(alias);
            StringBuilder pem = new StringBuilder();
            for (Certificate certificate : chain == null ? new Certificate[] {all().getCertificate(alias)} : chain) {
                pem.append(pem("CERTIFICATE", certificate.getEncoded()));
            }
            return pem.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code alias}'s private key, PKCS8 PEM. */
    String keyPem(String alias) {
        try {
            PrivateKey key = (PrivateKey) all().getKey(alias, PASSWORD.toCharArray());
            return pem("PRIVATE KEY", key.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    X509Certificate certificate(String alias) {
        try {
            return (X509Certificate) all().getCertificate(alias);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
