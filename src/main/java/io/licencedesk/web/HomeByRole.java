package io.licencedesk.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * After signing in, a person returns to the page they asked for ({@link ReturnAfterSignIn}) when it is on their own
 * side: a client to a page of the portal (a link of an invoice or reminder e-mail followed while signed out), staff to
 * one of the console; else each goes home. The other side's address (asked for by someone else on a shared browser, or
 * an old bookmark) would only answer "forbidden": staff read the portal only by viewing as a client.
 */
class HomeByRole implements AuthenticationSuccessHandler {

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        boolean client = authentication.getAuthorities().stream()
                .anyMatch(authority -> authority.getAuthority().equals("ROLE_CLIENT"));
        String home = client ? "/portal" : "/";
        String asked = ReturnAfterSignIn.take(request, response)
                .filter(address -> client == inPortal(address))
                .orElse(home);
        response.sendRedirect(request.getContextPath() + asked);
    }

    private static boolean inPortal(String address) {
        return address.equals("/portal") || address.startsWith("/portal/") || address.startsWith("/portal?");
    }
}
