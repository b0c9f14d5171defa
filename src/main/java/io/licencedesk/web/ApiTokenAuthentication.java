package io.licencedesk.web;

import io.licencedesk.accounts.ApiCaller;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An API request authenticated by its token: the principal is who the token acts for. */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final ApiCaller caller;

    ApiTokenAuthentication(ApiCaller caller) {
        super(List.of(new SimpleGrantedAuthority(caller.caller().role().authority())));
        this.caller = caller;
        setAuthenticated(true);
    }

    @Override
    public ApiCaller getPrincipal() {
        return caller;
    }

    /** Never the token: it is not kept after the request found who it acts for. */
    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public String getName() {
        return caller.caller().email();
    }
}
