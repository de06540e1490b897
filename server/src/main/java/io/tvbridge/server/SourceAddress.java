package io.tvbridge.server;

import io.tvbridge.core.net.AddressList;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

/**
 * Who sent a request. The direct peer, unless the peer is one of the trusted proxies: then the
 * right-most address in {@code X-Forwarded-For} that is not itself a trusted proxy, since every
 * address left of it was written by someone we cannot vouch for.
 */
final class SourceAddress {
    static final String FORWARDED_FOR = "X-Forwarded-For";
    /** The servlet request attribute under which the guard leaves the resolved source for the webhook. */
    static final String ATTRIBUTE = "io.tvbridge.source-address";

    private final AddressList trustedProxies;

    SourceAddress(AddressList trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    /** The sender of a request from {@code peer} with these {@code X-Forwarded-For} header values. */
    String resolve(String peer, Enumeration<String> forwardedFor) {
        if (trustedProxies.isEmpty() || !trustedProxies.contains(peer) || forwardedFor == null) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        while (forwardedFor.hasMoreElements()) {
            for (String hop : forwardedFor.nextElement().split(",")) {
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
