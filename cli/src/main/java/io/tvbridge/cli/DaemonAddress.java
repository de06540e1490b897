package io.tvbridge.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
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

    /** Writes the file; closing it removes the file again, if it still holds this address. */
    static DaemonAddress write(Path dataDirectory, String host, int port) {
        Path file = dataDirectory.resolve(FILE_NAME);
        String url = url(host, port);
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

    /** The URL that reaches a daemon listening on {@code host}:{@code port} from this machine. */
    static String url(String host, int port) {
        String reachable = switch (host) {
            case "0.0.0.0", "" -> "127.0.0.1";
            case "::", "[::]" -> "[::1]";
            default -> host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        };
        return "http://" + reachable + ":" + port;
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
