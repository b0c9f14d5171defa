package io.licencedesk.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/** After signing in, staff return to the page they asked for; clients always go to the portal. */
class HomeByRole extends SavedRequestAwareAuthenticationSuccessHandler {

    private final HttpSessionRequestCache requests = new HttpSessionRequestCache();

    HomeByRole() {
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws ServletException, IOException {
        boolean client = authentication.getAuthorities().stream()
                .anyMatch(authority -> authority.getAuthority().equals("ROLE_CLIENT"));
        if (client) {
            requests.removeRequest(request, response);
            getRedirectStrategy().sendRedirect(request, response, "/portal");
            return;
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }
}
