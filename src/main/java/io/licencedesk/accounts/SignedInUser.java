package io.licencedesk.accounts;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The principal of a signed-in person: their {@link Caller}, which the web layer hands to the façades. */
public final class SignedInUser implements UserDetails, CredentialsContainer {

    private final Caller caller;
    private String passwordHash;
    private final boolean enabled;
    private final String language;

    SignedInUser(Caller caller, String passwordHash, boolean enabled, String language) {
        this.caller = caller;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.language = language;
    }

    /** The language the person chose in their profile ("en", "fr"), or null: their browser's then decides. */
    public String language() {
        return language;
    }

    public Caller caller() {
        return caller;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(caller.role().authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return caller.email();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
