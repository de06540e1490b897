package io.tvbridge.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PEM private keys read with the JDK alone: PKCS8 RSA and EC, PKCS1 RSA, and the forms we refuse with a hint. */
class PemFilesTest {
    @TempDir
    Path folder;

    private Path pem(String type, byte[] der, String before) throws Exception {
        Path file = folder.resolve(type.replace(' ', '-') + ".pem");
        Files.writeString(file, before + "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END " + type + "-----\n");
        return file;
    }

    private static PrivateKey generate(String algorithm, int size) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        generator.initialize(size);
        return generator.generateKeyPair().getPrivate();
    }

    @Test
    void readsPkcs8KeysOfEitherAlgorithm() throws Exception {
        PrivateKey rsa = generate("RSA", 2048);
        PrivateKey ec = generate("EC", 256);
        assertThat(PemFiles.privateKey(pem("PRIVATE KEY", rsa.getEncoded(), ""))).isEqualTo(rsa);
        // openssl writes the curve's parameters before the key when asked to
        String parameters = "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n";
        assertThat(PemFiles.privateKey(pem("PRIVATE KEY", ec.getEncoded(), parameters))).isEqualTo(ec);
    }

    @Test
    void readsPkcs1RsaKeysByWrappingThemIntoPkcs8() throws Exception {
        PrivateKey rsa = generate("RSA", 2048);
        byte[] pkcs8 = rsa.getEncoded();
        // PKCS8 of a 2048-bit key: SEQUENCE (4 bytes), version (3), AlgorithmIdentifier (15), OCTET STRING header (4)
        byte[] pkcs1 = Arrays.copyOfRange(pkcs8, 26, pkcs8.length);
        assertThat(PemFiles.privateKey(pem("RSA PRIVATE KEY", pkcs1, ""))).isEqualTo(rsa);
    }

    @Test
    void encryptedAndSec1KeysAreRefusedWithTheCommandThatConvertsThem() throws Exception {
        Path encrypted = pem("ENCRYPTED PRIVATE KEY", new byte[] {1, 2, 3}, "");
        assertThatThrownBy(() -> PemFiles.privateKey(encrypted)).isInstanceOf(InvalidKeySpecException.class)
                .hasMessageContaining("holds an encrypted key").hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
        Path sec1 = pem("EC PRIVATE KEY", new byte[] {1, 2, 3}, "");
        assertThatThrownBy(() -> PemFiles.privateKey(sec1)).isInstanceOf(InvalidKeySpecException.class)
                .hasMessageContaining("older SEC1 form");
        Path none = folder.resolve("empty.pem");
        Files.writeString(none, "nothing here\n");
        assertThatThrownBy(() -> PemFiles.privateKey(none)).isInstanceOf(InvalidKeySpecException.class)
                .hasMessage("no private key (-----BEGIN PRIVATE KEY-----) in " + none);
    }
}
