package io.licencedesk.web;

import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.SignedInUser;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

/**
 * A change sent to the portal while a member of staff views it as a client (decision 0056): a crafted request, a form
 * of a stale tab. The security chain refuses it, as it refuses every change there, so nothing is changed. The answer
 * is the portal as they were viewing it, with its banner (and its Stop, the way back to the console), saying why, and
 * a 403: the generic 403 page had neither and told staff that the page was not for them. Every other refusal gets
 * Spring Security's usual answer. The refusal comes before Spring MVC, so the page is rendered here, and the model that
 * CurrentUserAdvice gives MVC's pages is given by hand.
 *
 * <p>The generic 403 page said "You are signed in, but this page is not part of what your account may see. Account
 * managers use the console", which fits a client in the console only. A form refused for its CSRF token is one opened
 * in an earlier session (signed out meanwhile, in this tab or another, or after hours away), and an account manager
 * refused an owner's page is in the console already; the request carries {@link #REFUSAL} so that the page says what
 * happened. Error pages have no signed-in user in their model, so it is decided here.
 *
 * <p>A page's script (asking for JSON alone) gets a problem instead of the error page, typed by the refusal (decision
 * 0094): {@code expired-form-token} for the form token of an ended or earlier session, after which nothing the page
 * sends can work until it is reloaded, and {@code forbidden} for what the person's role does not allow, which reloading
 * does not change. The scripts read every 403 as "your session has ended", and told an account manager refused an
 * owner's action to sign in again, which changed nothing.
 */
final class ViewAsRefusals implements AccessDeniedHandler {

    private static final String PAGE = "error/view-as-read-only";

    /**
     * The request attribute that tells the 403 page which refusal it shows: "expiredForm" (a form of an earlier
     * session, signed in again since), "expiredSession" (the same, signed out now), "noFormToken" (no form token at
     * all: not sent from a page) or "ownersOnly".
     */
    static final String REFUSAL = "refusal";

    /** Where signing out leads (SecurityConfiguration's logout). */
    static final String SIGNED_OUT = "/login?signedOut";

    private final AccessDeniedHandler otherwise = new AccessDeniedHandlerImpl();
    private final ViewResolver pages;
    private final LocaleResolver languages;
    private final ApiProblemWriter problems;
    private final Words words;

    ViewAsRefusals(ViewResolver pages, LocaleResolver languages, ApiProblemWriter problems, Words words) {
        this.pages = pages;
        this.languages = languages;
        this.problems = problems;
        this.words = words;
    }

    private static String refusal(
            HttpServletRequest request, Authentication authentication, AccessDeniedException denied) {
        Object principal = authentication == null ? null : authentication.getPrincipal();
        if (denied instanceof CsrfException) {
            if (!carriesAFormToken(request)) {
                return "noFormToken";
            }
            return principal instanceof SignedInUser ? "expiredForm" : "expiredSession";
        }
        // The portal is the clients' (staff read it only by viewing as one); the rest an account manager may not
        // open is the owners'.
        if (principal instanceof SignedInUser user
                && !ViewingAs.inThePortal(request)
                && user.caller().isStaff()
                && !user.caller().isOwner()) {
            return "ownersOnly";
        }
        return null;
    }

    /**
     * "Sign out" pressed on a page whose session has ended (signed out in another tab, timed out, ended by a password or
     * role change): its form token is of that session, so it was refused as "This form has expired … send the form
     * again", to someone who was already signed out, as they asked. They are told they are signed out instead
     * (decision 0123). A signed-in session's sign-out with a wrong token is still refused: a page of another site may
     * not sign anyone out, and one without any form token was not sent from a page of ours.
     */
    private static boolean isSignOutOfAnEndedSession(
            HttpServletRequest request, Authentication authentication, AccessDeniedException denied) {
        return denied instanceof CsrfException
                && carriesAFormToken(request)
                && !(authentication != null && authentication.getPrincipal() instanceof SignedInUser)
                && "POST".equals(request.getMethod())
                && (request.getContextPath() + "/logout").equals(request.getRequestURI())
                && !ScriptRequests.isScript(request);
    }

    /**
     * Whether the request sent a form token at all, as every form and script of the pages does (in the form's
     * {@code _csrf} or the {@code X-CSRF-TOKEN} header, Spring Security's names). One without (a robot's POST to
     * /robots.txt, a form of another site) was told that its form was of an ended session, which it never had
     * (decision 0118).
     */
    private static boolean carriesAFormToken(HttpServletRequest request) {
        return request.getHeader("X-CSRF-TOKEN") != null
                || request.getParameter("_csrf") != null
                || isMultipart(request);
    }

    /**
     * Multipart parsing is off (application.properties), so a multipart form's fields, its token among them, cannot
     * be read here: the import form posted without JavaScript carries one. It is not said to have none.
     */
    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    /**
     * What a page's script is answered for a refusal, its detail in the request's language as every other problem of the
     * pages (decision 0104): it was English on a French page (decision 0123). The words the page shows are its own.
     */
    private ProblemDetail problemFor(String refusal, HttpServletRequest request) {
        Locale language = languages.resolveLocale(request);
        if ("expiredForm".equals(refusal) || "expiredSession".equals(refusal)) {
            return ApiProblemWriter.problem(
                    HttpStatus.FORBIDDEN,
                    "expired-form-token",
                    "Form token expired",
                    words.of(language, "error.script.expiredFormToken"));
        }
        String detail = "noFormToken".equals(refusal)
                ? "error.script.noFormToken"
                : "ownersOnly".equals(refusal) ? "error.script.ownersOnly" : "error.script.notAllowed";
        return ApiProblemWriter.problem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", words.of(language, detail));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (isSignOutOfAnEndedSession(request, authentication, denied)) {
            response.sendRedirect(request.getContextPath() + SIGNED_OUT);
            return;
        }
        Optional<Caller> client = ViewingAs.client(request);
        if (!ViewingAs.inThePortal(request)
                || !ViewingAs.staffReadingThePortal(authentication, request)
                || !(authentication.getPrincipal() instanceof SignedInUser staff)) {
            String refusal = refusal(request, authentication, denied);
            if (ScriptRequests.isScript(request)) {
                problems.write(request, response, problemFor(refusal, request));
                return;
            }
            request.setAttribute(REFUSAL, refusal);
            otherwise.handle(request, response, denied);
            return;
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        try {
            View page = pages.resolveViewName(PAGE, languages.resolveLocale(request));
            page.render(
                    Map.of("me", staff.caller(), "viewingAs", client.orElseThrow(), "portalView", true),
                    request,
                    response);
        } catch (Exception failed) {
            throw new ServletException("The view-as refusal page could not be rendered", failed);
        }
    }
}
