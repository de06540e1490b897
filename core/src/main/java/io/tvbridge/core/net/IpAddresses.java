package io.tvbridge.core.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Reads IP address literals, IPv4 and IPv6, without ever asking DNS: {@code InetAddress.getByName}
 * resolves anything that is not a literal, and a header such as {@code X-Forwarded-For} must not
 * make the daemon look names up.
 */
public final class IpAddresses {

    private IpAddresses() {
    }

    /** The address written in {@code text} ({@code 203.0.113.7}, {@code 2001:db8::1}, {@code [::1]}), if it is one. */
    public static Optional<InetAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String literal = text.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);   // fe80::1%eth0: the zone names an interface, not an address
        }
        if (literal.contains(":")) {
            return ipv6(literal);
        }
        return ipv4(literal);
    }

    private static Optional<InetAddress> ipv6(String literal) {
        if (!literal.matches("[0-9A-Fa-f:.]+")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(literal));   // a text with ':' is only ever read as a literal
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Optional<InetAddress> ipv4(String literal) {
        String[] parts = literal.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (!parts[i].matches("\\d{1,3}")) {
                return Optional.empty();
            }
            int value = Integer.parseInt(parts[i]);
            if (value > 255) {
                return Optional.empty();
            }
            bytes[i] = (byte) value;
        }
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }
}
