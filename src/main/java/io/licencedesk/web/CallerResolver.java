package io.licencedesk.web;

import io.licencedesk.accounts.ApiCaller;
import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets a handler take the {@link Caller} of the request as a parameter: the signed-in person, or an API token's; in
 * the portal, a member of staff viewing as a client reads as that client (decision 0056).
 */
class CallerResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Caller.class);
    }

    @Override
    public Caller resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binders) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            HttpServletRequest servlet = request.getNativeRequest(HttpServletRequest.class);
            if (servlet != null
                    && ViewingAs.inThePortal(servlet)
                    && ViewingAs.staffReadingThePortal(authentication, servlet)) {
                return ViewingAs.client(servlet).orElseThrow();
            }
            return user.caller();
        }
        if (authentication != null && authentication.getPrincipal() instanceof ApiCaller token) {
            return token.caller();
        }
        throw new AuthenticationCredentialsNotFoundException("Sign in first");
    }
}
