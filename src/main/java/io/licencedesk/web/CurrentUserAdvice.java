package io.licencedesk.web;

import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/** Puts the signed-in person (or null) and the current section in every page's model, for the navigation bar. */
@ControllerAdvice(basePackages = {"io.licencedesk.console", "io.licencedesk.portal", "io.licencedesk.web"})
class CurrentUserAdvice {

    /**
     * The same attributes for a page an exception handler answers ({@link ErrorAnswers}): Spring gives such a page none
     * of the advices' model attributes, so the layout left out the navigation bar and the account menu, and a person
     * on the address of a licence deleted meanwhile could only go "to the start page".
     */
    static void addTo(ModelAndView page, HttpServletRequest request) {
        var advice = new CurrentUserAdvice();
        page.addObject("me", advice.me());
        page.addObject("viewingAs", advice.viewingAs(request));
        page.addObject("portalView", advice.portalView(request));
        page.addObject("section", advice.section(request));
    }

    @ModelAttribute("me")
    Caller me() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInUser user
                ? user.caller()
                : null;
    }

    /** The client a member of staff is viewing the portal as (decision 0056), or null: the layout shows a banner. */
    @ModelAttribute("viewingAs")
    Caller viewingAs(HttpServletRequest request) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return ViewingAs.staffReadingThePortal(authentication, request)
                ? ViewingAs.client(request).orElse(null)
                : null;
    }

    /** Whether this page is the portal as a member of staff views it: the portal's navigation, every control off. */
    @ModelAttribute("portalView")
    boolean portalView(HttpServletRequest request) {
        return ViewingAs.inThePortal(request)
                && ViewingAs.staffReadingThePortal(
                        SecurityContextHolder.getContext().getAuthentication(), request);
    }

    /**
     * The navigation's entry for the request's path: its first segment ("licences" for /licences/12), or its first
     * two in the portal ("portal/invoices"; the portal's home is its licences). Computed once here: the layout
     * compares it, where it tested a dozen path prefixes on every page.
     */
    @ModelAttribute("section")
    String section(HttpServletRequest request) {
        String[] segments = request.getRequestURI()
                .substring(request.getContextPath().length())
                .split("/", 4);
        String first = segments.length > 1 ? segments[1] : "";
        if (!first.equals("portal")) {
            return first;
        }
        return "portal/" + (segments.length > 2 && !segments[2].isEmpty() ? segments[2] : "licences");
    }
}
