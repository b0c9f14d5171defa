package io.licencedesk.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * After signing in, staff return to the page they asked for ({@link ReturnAfterSignIn}); clients too when it is a page
 * of the portal (a link of an invoice or reminder e-mail followed while signed out), else they go to the portal's
 * home: a console address a client once saw would only answer "forbidden".
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
                .filter(address -> !client || inPortal(address))
                .orElse(home);
        response.sendRedirect(request.getContextPath() + asked);
    }

    private static boolean inPortal(String address) {
        return address.equals("/portal") || address.startsWith("/portal/") || address.startsWith("/portal?");
    }
}
