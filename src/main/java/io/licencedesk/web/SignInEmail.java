package io.licencedesk.web;

import io.licencedesk.shared.ControlCharacters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The e-mail address the sign-in form shows again after a refused sign-in, or after choosing a password, so that only
 * the password is typed. It was kept in the session, so every wrong password made a session row (and the flash
 * message after choosing a password another), while nobody gets a session before signing in (decisions 0127, 0132).
 * It goes in a cookie that only the sign-in page is sent ({@code Path=/login}), read and cleared by the next sign-in
 * page. Never a password.
 */
final class SignInEmail {

    static final String COOKIE = "SIGN_IN_EMAIL";

    /** Long enough for the redirect that follows; a form left open longer is typed again. */
    private static final SignInPageCookie KEPT = new SignInPageCookie(COOKIE, Duration.ofMinutes(10));

    /** The longest e-mail address (RFC 5321's path), as the forms allow. */
    private static final int LONGEST = 254;

    private SignInEmail() {}

    /** Keeps this address for the sign-in page shown next; a blank or overlong one is not kept. */
    static void keep(HttpServletRequest request, HttpServletResponse response, String email) {
        readable(email).ifPresent(address -> KEPT.keep(request, response, address));
    }

    /** The address kept for this browser, if any; it is forgotten as it is read. */
    static Optional<String> take(HttpServletRequest request, HttpServletResponse response) {
        return KEPT.take(request, response).flatMap(SignInEmail::readable);
    }

    /** Anyone able to set a cookie for the host could set this one: only something that may be an address is shown. */
    private static Optional<String> readable(String email) {
        if (email == null) {
            return Optional.empty();
        }
        String address = email.strip();
        return address.isEmpty() || address.length() > LONGEST || ControlCharacters.in(address)
                ? Optional.empty()
                : Optional.of(address);
    }
}
