package io.licencedesk.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.DefaultSavedRequest;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * After signing in, staff return to the page they asked for; clients too when it is a page of the portal (a link of an
 * invoice or reminder e-mail followed while signed out), else they go to the portal's home: a console address a
 * client once saw would only answer "forbidden".
 */
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
            SavedRequest asked = requests.getRequest(request, response);
            requests.removeRequest(request, response);
            getRedirectStrategy()
                    .sendRedirect(
                            request, response, asked != null && inPortal(asked) ? asked.getRedirectUrl() : "/portal");
            return;
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }

    private static boolean inPortal(SavedRequest asked) {
        if (!(asked instanceof DefaultSavedRequest saved) || saved.getRequestURI() == null) {
            return false;
        }
        String path = saved.getRequestURI()
                .substring(Math.min(
                        saved.getContextPath().length(), saved.getRequestURI().length()));
        return path.equals("/portal") || path.startsWith("/portal/");
    }
}
