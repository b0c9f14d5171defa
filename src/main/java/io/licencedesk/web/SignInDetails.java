package io.licencedesk.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serial;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The details of a sign-in through the form: besides the address, the trusted device it came from (the
 * stored hash of its cookie), put on the request by the limit filter, so that a failure counts against that
 * device only. Not kept in the session: after sign-in nothing needs it.
 */
class SignInDetails extends WebAuthenticationDetails {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient String trustedDevice;

    SignInDetails(HttpServletRequest request) {
        super(request);
        this.trustedDevice = request.getAttribute(SignInLimits.TRUSTED_DEVICE) instanceof String device ? device : null;
    }

    /** The stored hash of the trusted device's cookie, or null when the sign-in came from no trusted device. */
    String trustedDevice() {
        return trustedDevice;
    }
}
