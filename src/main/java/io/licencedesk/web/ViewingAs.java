package io.licencedesk.web;

import io.licencedesk.accounts.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.security.core.Authentication;

/**
 * "View as client" (decision 0056): a member of staff's session may hold the client whose portal they are looking at.
 * They stay signed in as themselves; only the portal's pages, and only for reading, take the client as their caller
 * (CallerResolver), and the security chain lets staff in the portal only with GET while this is set.
 */
public final class ViewingAs {

    private static final String ATTRIBUTE = ViewingAs.class.getName() + ".client";

    private ViewingAs() {}

    public static void start(HttpServletRequest request, Caller client) {
        request.getSession().setAttribute(ATTRIBUTE, client);
    }

    /** The client being viewed, if any; the session is left as it is. */
    public static Optional<Caller> client(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(ATTRIBUTE) instanceof Caller client
                ? Optional.of(client)
                : Optional.empty();
    }

    public static void stop(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
    }

    /** Whether this request is a member of staff reading the portal as a client of their own organisation. */
    static boolean staffReadingThePortal(Authentication authentication, HttpServletRequest request) {
        return authentication != null
                && authentication.getPrincipal() instanceof io.licencedesk.accounts.SignedInUser user
                && user.caller().isStaff()
                && client(request)
                        .filter(client ->
                                client.organisationId() == user.caller().organisationId())
                        .isPresent();
    }

    static boolean inThePortal(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/portal") || path.startsWith("/portal/");
    }
}
