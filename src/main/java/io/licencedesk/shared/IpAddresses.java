package io.licencedesk.shared;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * IP addresses as people read them. Java (and so Tomcat) writes an IPv6 address in full, "0:0:0:0:0:0:0:1"; the
 * pages show its compressed form of RFC 5952, "::1": lower case, no leading zeros, the longest run of zero groups
 * (the first of equal runs) as "::". IPv4 addresses, and text that is no IPv6 address, are shown as they are.
 */
public final class IpAddresses {

    /** An IPv6 literal, optionally with a zone; checked before parsing, so that no text ever causes a DNS lookup. */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[\\w.-]+)?");

    private IpAddresses() {}

    /** The address as shown, or null for null. */
    public static String shown(String address) {
        if (address == null || address.length() > 64 || !IPV6.matcher(address).matches()) {
            return address;
        }
        int zoneAt = address.indexOf('%');
        String zone = zoneAt < 0 ? "" : address.substring(zoneAt);
        try {
            InetAddress parsed = InetAddress.getByName(zoneAt < 0 ? address : address.substring(0, zoneAt));
            return parsed instanceof Inet6Address ? compressed(parsed.getAddress()) + zone : address;
        } catch (UnknownHostException notAnAddress) {
            return address;
        }
    }

    private static String compressed(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1; // a single zero group stays "0"
        for (int start = 0; start < 8; start++) {
            int length = 0;
            while (start + length < 8 && groups[start + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = start;
                bestLength = length;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
            } else {
                if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                    text.append(':');
                }
                text.append(Integer.toHexString(groups[i]));
            }
        }
        return text.toString();
    }
}
