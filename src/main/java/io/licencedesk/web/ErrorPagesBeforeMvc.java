package io.licencedesk.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

/**
 * An error page answered before Spring MVC, by Spring Security's access-denied handler ({@link ViewAsRefusals}) or a
 * servlet filter inside its chain ({@link UnreadableParameters}), rendered there with the model {@link
 * CurrentUserAdvice} gives MVC's pages: the navigation bar and the account menu of whoever is signed in. Sent with
 * {@code sendError}, the page was rendered at the container's error dispatch, after Spring Security's chain had ended,
 * without the person: a refused page (the 403 of a client who followed a console link, of an account manager on an
 * owner's page) led only "to the start page", where the 400, 404 and 405 pages kept the navigation.
 */
final class ErrorPagesBeforeMvc {

    private final ViewResolver pages;
    private final LocaleResolver languages;

    ErrorPagesBeforeMvc(ViewResolver pages, LocaleResolver languages) {
        this.pages = pages;
        this.languages = languages;
    }

    void render(
            HttpServletRequest request,
            HttpServletResponse response,
            int status,
            String template,
            Map<String, Object> attributes)
            throws ServletException {
        Map<String, Object> model = new HashMap<>(CurrentUserAdvice.model(request));
        model.putAll(attributes);
        response.setStatus(status);
        try {
            View page = pages.resolveViewName(template, languages.resolveLocale(request));
            page.render(model, request, response);
        } catch (Exception failed) {
            throw new ServletException("The error page " + template + " could not be rendered", failed);
        }
    }
}
