package io.licencedesk.web;

import io.licencedesk.accounts.SignedInUser;
import io.licencedesk.shared.Language;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/**
 * A person who chose a language in their profile keeps it on the pages after signing out (the sign-in page, "Forgot
 * your password?"): the choice becomes the switch's cookie until the browser closes (not the switch's year: the next
 * person on a shared computer would inherit it). Without it, a client who chose French in a browser asking for English
 * was signed out to an English page (decision 0176). Someone who chose nothing keeps whatever the cookie or the
 * browser said.
 */
final class LanguageKeptAtSignOut implements LogoutHandler {

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            Language.ofCode(user.language())
                    .ifPresent(language -> UserLocaleResolver.keepUntilTheBrowserCloses(request, response, language));
        }
    }
}
