package io.licencedesk.web;

import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in person (or null) and the current path in every page's model, for the navigation bar. */
@ControllerAdvice
class CurrentUserAdvice {

    @ModelAttribute("me")
    Caller me() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInUser user
                ? user.caller()
                : null;
    }

    /** The request's path, for highlighting the current section in the navigation. */
    @ModelAttribute("path")
    String path(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
