package io.licencedesk.accounts;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Looks up who signs in by e-mail; a user without a password (an invited client) cannot sign in yet. */
@Service
class SignInUsers implements UserDetailsService {

    private final AccountRepository accounts;

    SignInUsers(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        return accounts.findUserByEmail(AccountManagement.normaliseEmail(email))
                .filter(user -> user.passwordHash() != null)
                .map(user -> new SignedInUser(user.caller(), user.passwordHash(), user.enabled(), user.language()))
                .orElseThrow(() -> new UsernameNotFoundException("Unknown user"));
    }
}
