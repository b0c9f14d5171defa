package io.licencedesk.web;

import io.licencedesk.accounts.SignedInUser;
import io.licencedesk.shared.Language;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of a page (decision 0053), the first of: the signed-in person's choice in their profile; the language
 * picked with the switch ({@code ?lang=fr}, kept in a cookie, so it works before signing in and creates no session);
 * the first language of the browser's Accept-Language that LicenceDesk speaks; British English.
 */
final class UserLocaleResolver implements LocaleResolver {

    static final String COOKIE = "lang";

    /** A request attribute: the cookie this request sent was just forgotten (a profile set to the browser's language). */
    private static final Object FORGOTTEN = new Object();

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return fromProfile()
                .or(() -> fromCookie(request))
                .or(() -> fromBrowser(request))
                .orElse(Language.DEFAULT)
                .locale();
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Optional<Language> language = Language.of(locale);
        if (response == null || language.isEmpty()) {
            return;
        }
        write(request, response, language.get().code(), (int)
                Duration.ofDays(365).toSeconds());
        request.setAttribute(COOKIE, language.get());
    }

    /**
     * The language a person chose in their profile, kept by their browser after they sign out, until it closes
     * (decision 0176): unlike a choice made with the switch, it is not kept for a year, so that the next person on a
     * shared computer does not inherit it for long.
     */
    static void keepUntilTheBrowserCloses(HttpServletRequest request, HttpServletResponse response, Language language) {
        write(request, response, language.code(), -1);
    }

    /** No cookie: pages follow the browser's Accept-Language again (a profile set to "browser's language"). */
    static void forget(HttpServletRequest request, HttpServletResponse response) {
        write(request, response, "", 0);
        request.setAttribute(COOKIE, FORGOTTEN); // this request's words follow the browser too, not the cookie it sent
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, String value, int maxAge) {
        Cookie cookie = new Cookie(COOKIE, value);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge(maxAge);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    private static Optional<Language> fromProfile() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInUser user
                ? Language.ofCode(user.language())
                : Optional.empty();
    }

    private static Optional<Language> fromCookie(HttpServletRequest request) {
        if (request.getAttribute(COOKIE) instanceof Language justChosen) {
            return Optional.of(justChosen);
        }
        if (request.getAttribute(COOKIE) == FORGOTTEN) {
            return Optional.empty();
        }
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                return Language.ofCode(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * The languages the browser asks for, best first (the container orders them by their q values). A header the
     * firewall refuses (control characters, invalid UTF-8) names no language: reading it throws, and a page's error
     * advice that looks up its words would then answer a 500 instead of its 404 or 400.
     */
    private static Optional<Language> fromBrowser(HttpServletRequest request) {
        try {
            if (request.getHeader("Accept-Language") == null) {
                return Optional.empty();
            }
        } catch (RequestRejectedException refused) {
            return Optional.empty();
        }
        return Collections.list(request.getLocales()).stream()
                .map(Language::of)
                .flatMap(Optional::stream)
                .findFirst();
    }
}
