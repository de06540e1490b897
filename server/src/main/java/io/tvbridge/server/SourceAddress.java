package io.tvbridge.server;

import io.tvbridge.core.net.AddressList;
import java.util.ArrayList;
import java.util.List;

/**
 * Who sent a request. The direct peer, unless the peer is one of the trusted proxies: then the
 * right-most address in {@code X-Forwarded-For} that is not itself a trusted proxy, since every
 * address left of it was written by someone we cannot vouch for.
 */
final class SourceAddress {
    static final String FORWARDED_FOR = "X-Forwarded-For";

    private final AddressList trustedProxies;

    SourceAddress(AddressList trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    /** The sender of a request from {@code peer} with these {@code X-Forwarded-For} header values. */
    String resolve(String peer, List<String> forwardedFor) {
        if (trustedProxies.isEmpty() || !trustedProxies.contains(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String value : forwardedFor) {
            for (String hop : value.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!trustedProxies.contains(hops.get(i))) {
                return hops.get(i);
            }
        }
        return hops.isEmpty() ? peer : hops.get(0);   // every hop is a trusted proxy: the first one sent it
    }
}
