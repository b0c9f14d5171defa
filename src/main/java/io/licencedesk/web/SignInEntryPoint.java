package io.licencedesk.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Where the web pages send whoever is not signed in: a person to the sign-in page, a page's script asking for JSON (the
 * import's progress, the selection) a 401 problem it can read and say "sign in again" for (decision 0088). Redirected
 * to the sign-in page, a script got an HTML page it could not read, and said nothing. The problem is the API's
 * {@code unauthenticated} (decision 0094): it was {@code about:blank}, the only problem of the product without a
 * documented type.
 *
 * <p>Its detail is in the language of the request, as the other problems of the pages (decision 0104), and says that
 * the session ended only to a request that brought a session cookie: one without (a program, a bookmark's script)
 * never had a session and is told to sign in (decision 0123). It said "Your session has ended", in English, to all.
 */
final class SignInEntryPoint implements AuthenticationEntryPoint {

    private final AuthenticationEntryPoint signInPage = new LoginUrlAuthenticationEntryPoint("/login");
    private final ApiProblemWriter problems;
    private final LocaleResolver languages;
    private final Words words;

    SignInEntryPoint(ApiProblemWriter problems, LocaleResolver languages, Words words) {
        this.problems = problems;
        this.languages = languages;
        this.words = words;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException, ServletException {
        if (!ScriptRequests.isScript(request)) {
            signInPage.commence(request, response, failure);
            return;
        }
        String detail =
                request.getRequestedSessionId() != null ? "error.script.sessionEnded" : "error.script.notSignedIn";
        problems.write(
                request,
                response,
                ApiProblemWriter.problem(
                        HttpStatus.UNAUTHORIZED,
                        "unauthenticated",
                        "Authentication required",
                        words.of(languages.resolveLocale(request), detail)));
    }
}
