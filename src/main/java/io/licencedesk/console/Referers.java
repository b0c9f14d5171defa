package io.licencedesk.console;

import java.net.URI;

/** Going back to the page an action came from, but never to another site. */
final class Referers {

    private Referers() {}

    static String localPathOr(String referer, String fallback) {
        if (referer == null) {
            return fallback;
        }
        try {
            URI uri = URI.create(referer);
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//")) {
                return fallback;
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException malformed) {
            return fallback;
        }
    }
}
