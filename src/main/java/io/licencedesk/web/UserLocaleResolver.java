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
        Cookie cookie = new Cookie(COOKIE, language.get().code());
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        request.setAttribute(COOKIE, language.get());
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
