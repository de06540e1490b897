package io.tvbridge.core.net;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A list of addresses and CIDR ranges as a setting gives it: comma- or space-separated, where
 * the word {@code tradingview} stands for TradingView's published webhook senders.
 */
public record AddressList(List<IpRange> ranges) {
    /** The word that expands to {@link #TRADINGVIEW_SENDERS}. */
    public static final String TRADINGVIEW = "tradingview";
    /**
     * The addresses TradingView sends webhook alerts from, as its help page "How to configure
     * webhook alerts" lists them (https://www.tradingview.com/support/solutions/43000529348).
     */
    public static final List<String> TRADINGVIEW_SENDERS = List.of("52.89.214.238", "34.212.75.30", "54.218.53.128",
            "52.32.178.7");
    public static final AddressList NONE = new AddressList(List.of());

    public AddressList {
        ranges = List.copyOf(ranges);
    }

    /** Reads {@code text}; a wrong entry throws, naming it. */
    public static AddressList parse(String text) {
        List<IpRange> ranges = new ArrayList<>();
        for (String entry : text.split("[,\\s]+")) {
            if (entry.isBlank()) {
                continue;
            }
            if (entry.toLowerCase(Locale.ROOT).equals(TRADINGVIEW)) {
                TRADINGVIEW_SENDERS.forEach(address -> ranges.add(IpRange.parse(address)));
            } else {
                ranges.add(IpRange.parse(entry));
            }
        }
        return new AddressList(ranges);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public boolean contains(InetAddress address) {
        return ranges.stream().anyMatch(range -> range.contains(address));
    }

    /** Whether {@code text} is an IP address in the list; false for anything that is not an address. */
    public boolean contains(String text) {
        return IpAddresses.parse(text).map(this::contains).orElse(false);
    }

    @Override
    public String toString() {
        return ranges.stream().map(IpRange::toString).collect(Collectors.joining(","));
    }
}
