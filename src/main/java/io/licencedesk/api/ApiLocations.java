package io.licencedesk.api;

import java.net.URI;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The API's {@code Location} headers, absolute (decision 0135): {@code https://licencedesk.example/api/v1/licences/4711},
 * made of the address the request was sent to (its scheme, host and port, as the forwarded headers a proxy adds say
 * them when the server is configured to trust them), so that a program, or a generated client, can follow it as it
 * is, as it follows Stripe's.
 */
final class ApiLocations {

    private ApiLocations() {}

    /** The absolute address of this path of the API ({@code /api/v1/…}) on the server the request reached. */
    static URI of(String path) {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(path)
                .build()
                .toUri();
    }
}
