package io.licencedesk.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Where the web pages send whoever is not signed in: a person to the sign-in page, a page's script asking for JSON (the
 * import's progress, the selection) a 401 problem it can read and say "sign in again" for (decision 0088). Redirected
 * to the sign-in page, a script got an HTML page it could not read, and said nothing.
 */
final class SignInEntryPoint implements AuthenticationEntryPoint {

    private static final String PROBLEM = """
            {"type":"about:blank","title":"Unauthorized","status":401,"detail":"Your session has ended: sign in again."}""";

    private final AuthenticationEntryPoint signInPage = new LoginUrlAuthenticationEntryPoint("/login");
    private final MediaTypeRequestMatcher scripts = new MediaTypeRequestMatcher(MediaType.APPLICATION_JSON);

    SignInEntryPoint() {
        scripts.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        scripts.setUseEquals(true);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException, ServletException {
        if (!scripts.matches(request)) {
            signInPage.commence(request, response, failure);
            return;
        }
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(PROBLEM);
    }
}
