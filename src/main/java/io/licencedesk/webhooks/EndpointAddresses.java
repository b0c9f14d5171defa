package io.licencedesk.webhooks;

import io.licencedesk.shared.Characters;
import io.licencedesk.shared.Reason;
import java.net.IDN;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Which addresses may receive webhooks (decision 0041): http(s) only, no credentials in the address, and a host
 * that resolves to public addresses only, unless the organisation allows private ones (loopback, link-local,
 * RFC 1918, unique-local IPv6, unspecified, multicast and the other reserved ranges). Public addresses need
 * https; plain http is for private addresses that are allowed. Checked at registration and again before each
 * delivery, since DNS may have changed; the connection then uses the JVM's cached answer of that check.
 */
@Component
class EndpointAddresses {

    static final int MAX_LENGTH = 2000;

    /** Scheme, authority (user info, host, port) and the rest of an absolute address. */
    private static final Pattern PARTS = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)([^/?#]*)(.*)", Pattern.DOTALL);

    /** Why this address may not receive webhooks, or empty when it may. */
    Optional<Reason> refusal(String url, boolean privateAllowed) {
        URI uri;
        try {
            uri = parse(url);
        } catch (URISyntaxException | IllegalArgumentException invalid) {
            return Optional.of(Reason.of("reason.webhook.urlInvalid"));
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of(Reason.of("reason.webhook.urlCredentials"));
        }
        String host = uri.getHost();
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException | SecurityException unknown) {
            return Optional.of(Reason.of("reason.webhook.hostUnknown", host));
        }
        Optional<InetAddress> privateAddress =
                Arrays.stream(addresses).filter(EndpointAddresses::isPrivate).findFirst();
        if (privateAddress.isPresent() && !privateAllowed) {
            String address = privateAddress.get().getHostAddress();
            // An address typed as such is not repeated in brackets: "127.0.0.1 is a private address (127.0.0.1)".
            return Optional.of(
                    address.equals(host)
                            ? Reason.of("reason.webhook.privateAddressTyped", host)
                            : Reason.of("reason.webhook.privateAddress", host, address));
        }
        boolean allPrivate = Arrays.stream(addresses).allMatch(EndpointAddresses::isPrivate);
        if (uri.getScheme().equalsIgnoreCase("http") && !allPrivate) {
            return Optional.of(Reason.of("reason.webhook.httpsRequired"));
        }
        return Optional.empty();
    }

    /** An absolute http(s) address with a host, a port a connection can use (1 to 65535) if any, and no fragment. */
    static URI parse(String url) throws URISyntaxException {
        if (url == null || url.isBlank() || Characters.moreThan(url, MAX_LENGTH)) {
            throw new URISyntaxException(String.valueOf(url), "blank or too long");
        }
        URI uri = new URI(withAsciiHost(url));
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https"))
                || uri.getHost() == null
                || uri.getHost().isEmpty()
                || uri.getPort() == 0
                || uri.getPort() > 65535
                || uri.getRawFragment() != null) {
            throw new URISyntaxException(url, "not an absolute http(s) address with a host");
        }
        return uri;
    }

    /**
     * The address, stripped, with an international domain name in its ASCII form (https://例え.jp/hook becomes
     * https://xn--r8jz45g.jp/hook): java.net.URI finds no host in a name that is not ASCII, and DNS knows the
     * ASCII form only. Checked and stored in that form, so that the private-address checks see the name that is
     * resolved and the delivery reaches it.
     *
     * @throws IllegalArgumentException when the host is not a valid domain name
     */
    static String withAsciiHost(String url) {
        String stripped = url.strip();
        Matcher parts = PARTS.matcher(stripped);
        if (!parts.matches()) {
            return stripped;
        }
        String authority = parts.group(2);
        int at = authority.lastIndexOf('@');
        String hostAndPort = authority.substring(at + 1);
        int colon = hostAndPort.indexOf(':');
        String host = colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
        if (host.startsWith("[") || host.chars().allMatch(c -> c < 0x80)) {
            return stripped; // an IPv6 literal, or already ASCII
        }
        return parts.group(1)
                + authority.substring(0, at + 1)
                + IDN.toASCII(host)
                + hostAndPort.substring(host.length())
                + parts.group(3);
    }

    /** Not a public unicast address: nothing a webhook should reach from the server's own network. */
    static boolean isPrivate(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return isReservedIpv4(bytes);
        }
        if (address instanceof Inet6Address) {
            return isReservedIpv6(bytes);
        }
        return true;
    }

    private static boolean isReservedIpv4(byte[] ip) {
        int first = ip[0] & 0xff;
        int second = ip[1] & 0xff;
        return first == 0 // "this network"
                || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT (RFC 6598)
                || (first == 192 && second == 0 && (ip[2] & 0xff) == 0) // IETF protocol assignments
                || (first == 198 && (second == 18 || second == 19)) // benchmarking (RFC 2544)
                || first >= 240; // reserved and broadcast
    }

    private static boolean isReservedIpv6(byte[] ip) {
        if ((ip[0] & 0xfe) == 0xfc) {
            return true; // unique local, fc00::/7
        }
        boolean zeroPrefix = true;
        for (int i = 0; i < 12; i++) {
            zeroPrefix &= ip[i] == 0;
        }
        if (zeroPrefix) {
            return isPrivateIpv4(ip, 12); // IPv4-compatible ::a.b.c.d
        }
        if ((ip[0] & 0xff) == 0x00 && (ip[1] & 0xff) == 0x64 && (ip[2] & 0xff) == 0xff && (ip[3] & 0xff) == 0x9b) {
            return isPrivateIpv4(ip, 12); // NAT64, 64:ff9b::/96
        }
        if ((ip[0] & 0xff) == 0x20 && (ip[1] & 0xff) == 0x02) {
            return isPrivateIpv4(ip, 2); // 6to4, 2002::/16
        }
        if ((ip[0] & 0xff) == 0x20 && (ip[1] & 0xff) == 0x01 && ip[2] == 0 && ip[3] == 0) {
            return isPrivateTeredoClient(ip); // Teredo, 2001::/32
        }
        return false;
    }

    /** A Teredo address carries its client's IPv4 address, where its packets go, inverted in its last four bytes. */
    private static boolean isPrivateTeredoClient(byte[] ip) {
        byte[] client = Arrays.copyOfRange(ip, 12, 16);
        for (int i = 0; i < client.length; i++) {
            client[i] = (byte) ~client[i];
        }
        return isPrivateIpv4(client, 0);
    }

    private static boolean isPrivateIpv4(byte[] ip, int offset) {
        try {
            return isPrivate(InetAddress.getByAddress(Arrays.copyOfRange(ip, offset, offset + 4)));
        } catch (UnknownHostException impossibleForFourBytes) {
            return true;
        }
    }
}
