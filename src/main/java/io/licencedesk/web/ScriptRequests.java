package io.licencedesk.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A request from one of the pages' scripts (app.js's fetches ask for {@code Accept: application/json} alone), as
 * opposed to a person's browser, which asks for a page ({@code text/html} or anything). The scripts are answered the
 * RFC 9457 problems they can read (decisions 0088, 0094); a person gets the sign-in page or the error page.
 */
public final class ScriptRequests {

    private static final MediaTypeRequestMatcher ASKING_FOR_JSON = asksForJsonAlone();

    private ScriptRequests() {}

    public static boolean isScript(HttpServletRequest request) {
        return ASKING_FOR_JSON.matches(request);
    }

    private static MediaTypeRequestMatcher asksForJsonAlone() {
        var matcher = new MediaTypeRequestMatcher(MediaType.APPLICATION_JSON);
        matcher.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        matcher.setUseEquals(true);
        return matcher;
    }
}
