package io.storescheduler.adapter.http.webhook;

import io.storescheduler.application.webhook.WebhookTargets;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where webhooks may be sent: absolute {@code http(s)} URLs without credentials, whose host
 * resolves to public addresses only, unless private ones are allowed (a store's own network, or
 * tests on 127.0.0.1). Loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local
 * (169.254/16 with the cloud metadata address, fe80::/10), carrier-grade NAT (100.64/10), the
 * unspecified address and multicast are refused: a webhook must not make the server call into
 * its own network (SSRF). Asked at registration and again before every send, as names move.
 */
public record AddressPolicy(boolean allowPrivate) implements WebhookTargets {

    @Override
    public Optional<String> refusal(URI url) {
        var scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
            return Optional.of("url must be an absolute http or https URL");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            return Optional.of("url must name a host");
        }
        if (url.getRawUserInfo() != null) {
            return Optional.of("url must not carry credentials");
        }
        return allowPrivate ? Optional.empty() : privateAddressOf(url.getHost());
    }

    /** Why a webhook may not call {@code host}: it resolves to a private or loopback address, or to none. */
    private static Optional<String> privateAddressOf(String host) {
        try {
            for (var address : InetAddress.getAllByName(host)) {
                if (isPrivate(address)) {
                    return Optional.of("url resolves to " + address.getHostAddress() + ", a private or loopback address");
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of("the host of url does not resolve");
        }
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        var bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) == 0xfc;
        }
        return (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
    }
}
