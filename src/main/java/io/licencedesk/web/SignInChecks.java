package io.licencedesk.web;

import io.licencedesk.accounts.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password is checked before whether the account may sign in. Spring Security checks the account first by
 * default, so a disabled person typing the right password was told only "Wrong e-mail or password" and could not know
 * why. Checked after, only someone who knows the password learns that the account is disabled (the sign-in page then
 * says so, and whom to ask); anyone else gets the same answer for every address, whatever its state. Either way the
 * attempt is a failure, for the sign-in limits, the audit log and the metrics alike: Spring Security's own
 * DisabledException is thrown, which its event publisher knows (it maps exact exception classes to events).
 */
final class SignInChecks {

    private static final String FAILED = "/login?failed";

    private SignInChecks() {}

    static DaoAuthenticationProvider passwordFirst(UserDetailsService users, PasswordEncoder passwords) {
        var provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(passwords);
        provider.setPreAuthenticationChecks(user -> {});
        provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        return provider;
    }

    /**
     * Where the sign-in form sends a refused attempt: the generic answer, unless the password was right and the account
     * is disabled. Whom to ask depends on whose account it is; looking that up here tells nothing to someone without
     * the password, who never gets a DisabledException.
     */
    static String failurePage(AuthenticationException failure, HttpServletRequest request, UserDetailsService users) {
        if (!(failure instanceof DisabledException)) {
            return FAILED;
        }
        try {
            return users.loadUserByUsername(request.getParameter("email")) instanceof SignedInUser person
                            && person.caller().isClient()
                    ? "/login?disabled=client"
                    : "/login?disabled=staff";
        } catch (UsernameNotFoundException goneSince) {
            return FAILED;
        }
    }
}
