package io.tvbridge.server;

import io.tvbridge.core.config.TlsConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes in a renewed certificate without a restart: every {@code TLS_RELOAD_SECONDS} it hashes
 * the configured TLS files and, when they changed, reads them again and hands the new keys to
 * Jetty ({@link SslContextFactory#reload}); connections open keep their old session, new ones get
 * the new certificate. Files caught half-written (a key that does not fit its certificate) are
 * skipped with a warning, and the next change is tried again. Contents are compared, not times,
 * because a renewal within the same second keeps the modification time.
 */
final class TlsReloader implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TlsReloader.class);

    private final TlsConfig tls;
    private final SslContextFactory.Server factory;
    private final ScheduledExecutorService timer;
    private byte[] seen;

    TlsReloader(TlsConfig tls, SslContextFactory.Server factory) {
        this.tls = tls;
        this.factory = factory;
        this.seen = fingerprint();
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "tvbridge-tls-reload");
            thread.setDaemon(true);
            return thread;
        });
        long every = tls.reloadCheck().toMillis();
        timer.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    /** Puts {@code material} into {@code factory}, at start and at each reload. */
    static void apply(SslContextFactory factory, TlsMaterial material) {
        factory.setKeyStore(material.keyStore());
        factory.setKeyStorePassword(material.keyPassword());
        material.trustStore().ifPresent(factory::setTrustStore);
    }

    private void check() {
        byte[] now = fingerprint();
        if (Arrays.equals(now, seen)) {
            return;
        }
        seen = now;
        try {
            TlsMaterial material = TlsMaterial.read(tls);
            factory.reload(reloaded -> apply(reloaded, material));
            log.info("the TLS files changed: now serving {}, valid until {}",
                    material.certificate().getSubjectX500Principal().getName(), material.certificate().getNotAfter());
        } catch (Exception e) {
            log.warn("the TLS files changed but cannot be used yet, the previous certificate stays: {}",
                    e.getMessage());
        }
    }

    private byte[] fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : TlsMaterial.files(tls)) {
                try {
                    digest.update(Files.readAllBytes(file));
                } catch (IOException e) {
                    digest.update(("missing " + file).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
