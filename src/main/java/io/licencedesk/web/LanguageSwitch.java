package io.licencedesk.web;

import io.licencedesk.shared.Language;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * {@code ?lang=fr} on any address switches the language (decision 0053), error pages included (decision 0151). It was
 * a Spring MVC interceptor, which runs only once a handler is chosen: an address nothing serves (404) and a method
 * the address does not take (405) are refused before one is, and their pages stayed English although the cookie and
 * Accept-Language were honoured there. A filter sees every request, and the
 * error dispatch of one refused before the application. Spring MVC's interceptor stays for what only it reads (a
 * {@code lang} field of a form's body), where the query named none ({@link WebConfiguration}).
 */
final class LanguageSwitch extends OncePerRequestFilter {

    static final String PARAMETER = "lang";

    private static final String SWITCHED = LanguageSwitch.class.getName() + ".SWITCHED";

    private final LocaleResolver languages;

    LanguageSwitch(LocaleResolver languages) {
        this.languages = languages;
    }

    /** Not the API's: it answers programs in English, and a token's request has no use for a language cookie. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return UnknownAddressPages.isApi(request);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (switched(request)) { // the error dispatch of a request switched already
            chain.doFilter(request, response);
            return;
        }
        chosen(named(request)).ifPresent(language -> {
            languages.setLocale(request, response, language.locale());
            request.setAttribute(SWITCHED, Boolean.TRUE);
        });
        chain.doFilter(request, response);
    }

    /** Whether this filter switched the language of the request already (its cookie is set). */
    static boolean switched(HttpServletRequest request) {
        return request.getAttribute(SWITCHED) != null;
    }

    /**
     * The values of {@code lang} in the query sent (an error dispatch keeps the refused request's in an attribute).
     * Read from the query as sent rather than from the request's parameters: those are read once, after the character
     * encoding is set and by {@link UnreadableParameters}, which refuses a query Tomcat cannot decode.
     */
    private static List<String> named(HttpServletRequest request) {
        if (request.getDispatcherType() == DispatcherType.ERROR
                && request.getAttribute(RequestDispatcher.ERROR_QUERY_STRING) instanceof String sent) {
            return inQuery(sent);
        }
        return inQuery(request.getQueryString());
    }

    private static List<String> inQuery(String query) {
        if (query == null) {
            return List.of();
        }
        return Arrays.stream(query.split("&"))
                .filter(pair -> pair.startsWith(PARAMETER + "="))
                .map(pair -> decoded(pair.substring(PARAMETER.length() + 1)))
                .toList();
    }

    /** The last value that names a language LicenceDesk speaks; an unknown one is ignored. */
    static Optional<Language> chosen(List<String> values) {
        Optional<Language> chosen = Optional.empty();
        for (String value : values) {
            Optional<Language> named = Language.ofCode(value);
            chosen = named.isPresent() ? named : chosen;
        }
        return chosen;
    }

    private static String decoded(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException undecodable) {
            return "";
        }
    }
}
