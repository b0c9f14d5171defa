package io.licencedesk.web;

import java.util.Optional;

/**
 * The methods an address of the API takes, for the answers given before the API sees a request: a method the server
 * does not know ({@code FOO}, {@code PROPFIND}, {@code TRACE}, {@code CONNECT}) is refused by Spring Security's
 * firewall or by Tomcat, and RFC 9110 asks a 405 to say in {@code Allow} what the address takes. The API module knows
 * its addresses; this module only answers.
 */
public interface ApiAddressMethods {

    /**
     * The value of {@code Allow} for {@code path} as sent (undecoded, without the query), as {@code OPTIONS} answers it
     * there; empty when no address of the API is {@code path}.
     */
    Optional<String> allow(String path);
}
