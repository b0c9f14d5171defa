package io.licencedesk.web;

import io.licencedesk.accounts.People;
import io.licencedesk.accounts.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/**
 * Signing out while viewing the portal as a client ends the viewing with the session, and the audit log says so as
 * the banner's Stop would: it showed "Viewed as the client: started" with no end, as if the staff member were viewing
 * still (decision 0179). Runs before the session is invalidated, while it still names the client.
 */
final class ViewingAsEndsAtSignOut implements LogoutHandler {

    private final People people;

    ViewingAsEndsAtSignOut(People people) {
        this.people = people;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            ViewingAs.client(request).ifPresent(client -> people.stopViewing(user.caller(), client.userId()));
            ViewingAs.stop(request);
        }
    }
}
