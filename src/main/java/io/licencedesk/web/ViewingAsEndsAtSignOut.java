package io.licencedesk.web;

import io.licencedesk.accounts.People;
import io.licencedesk.accounts.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/**
 * Signing out while viewing the portal as a client ends the viewing with the session, and the audit log says so as
 * the banner's Stop would: it showed "Viewed as the client: started" with no end, as if the staff member were viewing
 * still (decision 0179). Runs before the session is invalidated, while it still names the client.
 */
final class ViewingAsEndsAtSignOut implements LogoutHandler {

    private static final Logger log = LoggerFactory.getLogger(ViewingAsEndsAtSignOut.class);

    private final People people;

    ViewingAsEndsAtSignOut(People people) {
        this.people = people;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            try {
                ViewingAs.client(request).ifPresent(client -> people.stopViewing(user.caller(), client.userId()));
            } catch (RuntimeException unrecorded) {
                // Signing out does not wait on the audit log: a database that cannot write the entry now would
                // otherwise answer the sign-out with an error and leave the person signed in.
                log.warn("Signing out ended a viewing as a client that the audit log could not record", unrecorded);
            }
            ViewingAs.stop(request);
        }
    }
}
