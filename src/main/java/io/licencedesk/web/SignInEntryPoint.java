package io.licencedesk.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * Where the web pages send whoever is not signed in: a person to the sign-in page, a page's script asking for JSON (the
 * import's progress, the selection) a 401 problem it can read and say "sign in again" for (decision 0088). Redirected
 * to the sign-in page, a script got an HTML page it could not read, and said nothing. The problem is the API's
 * {@code unauthenticated} (decision 0094): it was {@code about:blank}, the only problem of the product without a
 * documented type.
 */
final class SignInEntryPoint implements AuthenticationEntryPoint {

    private final AuthenticationEntryPoint signInPage = new LoginUrlAuthenticationEntryPoint("/login");
    private final ApiProblemWriter problems;

    SignInEntryPoint(ApiProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException, ServletException {
        if (!ScriptRequests.isScript(request)) {
            signInPage.commence(request, response, failure);
            return;
        }
        problems.write(
                request,
                response,
                ApiProblemWriter.problem(
                        HttpStatus.UNAUTHORIZED,
                        "unauthenticated",
                        "Authentication required",
                        "Your session has ended: sign in again."));
    }
}
