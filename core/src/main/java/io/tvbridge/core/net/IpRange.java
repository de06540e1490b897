package io.tvbridge.core.net;

import java.net.InetAddress;
import java.util.Objects;

/**
 * One address or one CIDR block, IPv4 or IPv6: {@code 52.89.214.238}, {@code 10.0.0.0/8},
 * {@code 2001:db8::/32}. An IPv4 address never falls in an IPv6 range, nor the reverse
 * (IPv4-mapped IPv6 addresses such as {@code ::ffff:10.1.2.3} are read as IPv4).
 */
public record IpRange(InetAddress network, int prefixLength) {
    public IpRange {
        Objects.requireNonNull(network, "network");
        int bits = network.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("the prefix length must be between 0 and " + bits + ": " + prefixLength);
        }
    }

    /** {@code 10.0.0.0/8}, or a single address. */
    public static IpRange parse(String text) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        InetAddress network = IpAddresses.parse(address).orElseThrow(() ->
                new IllegalArgumentException("'" + trimmed + "' is not an IP address or CIDR range"));
        int bits = network.getAddress().length * 8;
        if (slash < 0) {
            return new IpRange(network, bits);
        }
        String prefix = trimmed.substring(slash + 1);
        if (!prefix.matches("\\d{1,3}") || Integer.parseInt(prefix) > bits) {
            throw new IllegalArgumentException("'" + trimmed + "' has a wrong prefix length: it must be 0 to " + bits);
        }
        return new IpRange(network, Integer.parseInt(prefix));
    }

    public boolean contains(InetAddress address) {
        byte[] mine = network.getAddress();
        byte[] theirs = address.getAddress();
        if (mine.length != theirs.length) {
            return false;
        }
        int whole = prefixLength / 8;
        for (int i = 0; i < whole; i++) {
            if (mine[i] != theirs[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (mine[whole] & mask) == (theirs[whole] & mask);
    }

    @Override
    public String toString() {
        String address = network.getHostAddress();
        return prefixLength == network.getAddress().length * 8 ? address : address + "/" + prefixLength;
    }
}
