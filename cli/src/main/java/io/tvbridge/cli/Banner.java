package io.tvbridge.cli;

import io.tvbridge.core.Version;
import io.tvbridge.core.alert.AlertTemplates;
import io.tvbridge.core.config.ConfigLoader;
import io.tvbridge.core.config.TvBridgeConfig;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;

/** What the daemon prints when it has started: where it listens and, on first start, how to connect TradingView. */
final class Banner {
    private final PrintStream out;

    Banner(PrintStream out) {
        this.out = out;
    }

    void print(ConfigLoader.Loaded loaded, int port) {
        TvBridgeConfig config = loaded.config();
        out.println();
        out.println("tvbridge " + Version.current() + " is running with the " + config.broker() + " broker.");
        out.println("  data directory: " + config.dataDirectory());
        out.println("  listening on:   http://" + config.host() + ":" + port + "  (POST /webhook, GET /health)");
        if (loaded.secrets().generated().isEmpty()) {
            out.println();
            return;
        }
        out.println();
        out.println("First start: generated " + String.join(" and ", loaded.secrets().generated()) + " into");
        out.println("  " + loaded.secrets().file() + "  (readable by you only; keep it private)");
        out.println();
        out.println("In TradingView, create an alert and set:");
        out.println("  Webhook URL: " + webhookUrl(config, port));
        out.println("    (TradingView posts only to ports 80 and 443: put tvbridge behind a reverse proxy with TLS,");
        out.println("     or run it with --port 443 on a host with a public address.)");
        out.println("  Message:");
        out.println("    " + AlertTemplates.strategy(config.webhookSecret()));
        out.println();
    }

    private static String webhookUrl(TvBridgeConfig config, int port) {
        String host = config.host();
        if (host.equals("0.0.0.0") || host.equals("::")) {
            host = publicLookingAddress().orElse("<this machine's address>");
        }
        return "http://" + host + (port == 80 ? "" : ":" + port) + "/webhook";
    }

    /** The first non-loopback IPv4 address of this machine (TradingView needs IPv4). */
    private static Optional<String> publicLookingAddress() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                        return Optional.of(address.getHostAddress());
                    }
                }
            }
        } catch (SocketException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
