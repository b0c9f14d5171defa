package io.licencedesk.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.util.WebUtils;

/**
 * A short text kept for the sign-in page shown next, in a cookie that only that page is sent ({@code Path=/login},
 * HttpOnly, SameSite=Lax), in Base64 so that any character fits a cookie's value, and forgotten as it is read: nothing
 * is stored at the server before someone signs in (decisions 0127, 0132). Anyone able to set a cookie for the host
 * could set one, so each reader checks what it takes.
 */
record SignInPageCookie(String name, Duration lifetime) {

    void keep(HttpServletRequest request, HttpServletResponse response, String text) {
        write(
                request,
                response,
                Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8)),
                lifetime);
    }

    /** The text kept for this browser, if any, unchecked; the cookie is cleared. */
    Optional<String> take(HttpServletRequest request, HttpServletResponse response) {
        Cookie cookie = WebUtils.getCookie(request, name);
        if (cookie == null) {
            return Optional.empty();
        }
        write(request, response, "", Duration.ZERO);
        try {
            return Optional.of(new String(Base64.getUrlDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    private void write(HttpServletRequest request, HttpServletResponse response, String value, Duration age) {
        ResponseCookie cookie = ResponseCookie.from(name, value)
                .path(request.getContextPath() + "/login")
                .maxAge(age)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Lax")
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }
}
