package io.tvbridge.cli;

import io.tvbridge.core.config.ConfigException;
import io.tvbridge.core.config.ConfigValues;
import io.tvbridge.core.config.NetworkConfig;
import io.tvbridge.core.config.TvBridgeConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a running daemon answers, kept in {@code <data-dir>/daemon.url} while it runs, so that
 * the admin commands find it without being told. A daemon listening on every interface is
 * reached over loopback.
 */
final class DaemonAddress implements AutoCloseable {
    static final String FILE_NAME = "daemon.url";

    private final Path file;
    private final String url;

    private DaemonAddress(Path file, String url) {
        this.file = file;
        this.url = url;
    }

    /** Writes the admin API's address ({@code secure}: over HTTPS); closing it removes the file again. */
    static DaemonAddress write(Path dataDirectory, InetSocketAddress admin, boolean secure) {
        Path file = dataDirectory.resolve(FILE_NAME);
        String url = url(admin.getHostString(), admin.getPort(), secure);
        try {
            Files.writeString(file, url + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return new DaemonAddress(file, url);
    }

    /** The address the daemon of {@code dataDirectory} wrote, if it runs (or did not stop cleanly). */
    static Optional<URI> read(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE_NAME);
        try {
            return Files.isRegularFile(file) ? Optional.of(URI.create(Files.readString(file).strip())) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The admin API's URL as the settings give it, for when no daemon wrote its address: its own
     * {@code ADMIN_HOST}:{@code ADMIN_PORT} when set, else beside the webhook on {@code HOST}:{@code PORT}.
     */
    static String configured(ConfigValues config) {
        try {
            NetworkConfig network = NetworkConfig.from(config);
            if (network.adminPort().isPresent()) {
                return url(network.adminHost(), network.adminPort().getAsInt());
            }
            return url(config.text(TvBridgeConfig.HOST, "127.0.0.1"), config.integer(TvBridgeConfig.PORT, 8080, 1,
                    65535), network.tls().isPresent());
        } catch (ConfigException e) {
            return url("127.0.0.1", 8080);
        }
    }

    /** The URL that reaches a daemon listening on {@code host}:{@code port} from this machine. */
    static String url(String host, int port) {
        return url(host, port, false);
    }

    static String url(String host, int port, boolean secure) {
        String reachable = switch (host) {
            case "0.0.0.0", "" -> "127.0.0.1";
            case "::", "[::]" -> "[::1]";
            default -> host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        };
        return (secure ? "https://" : "http://") + reachable + ":" + port;
    }

    @Override
    public void close() {
        try {
            if (Files.isRegularFile(file) && Files.readString(file).strip().equals(url)) {
                Files.delete(file);
            }
        } catch (IOException e) {
            // a stale file only points the admin commands at a daemon that no longer answers
        }
    }
}
