package io.licencedesk.web;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat refuses some requests before the application sees them (a path with {@code %00}, {@code %2F} or
 * {@code %5C}, a request line or headers over 8 KB, the CONNECT method) and writes its own HTML page for them. Under
 * /api, or where Tomcat could not read the address at all, the answer is an RFC 9457 problem instead, as every other
 * answer of the API; elsewhere a page's script gets a problem too ({@link ErrorAnswers}), and a person Tomcat's page (without its report or server version, as Boot sets it). A method Tomcat does not implement (501) is the caller's
 * mistake: under /api it is answered 405.
 */
public class ApiProblemReportValve extends ErrorReportValve {

    /** How a page's script is answered outside /api; null in the valve Tomcat makes itself, which has no context. */
    private final ErrorAnswers scripts;

    /** The API's addresses, for the Allow of a method refused; null in the valve Tomcat makes itself. */
    private final ObjectProvider<ApiAddressMethods> addresses;

    public ApiProblemReportValve() {
        this(null, null);
    }

    ApiProblemReportValve(ErrorAnswers scripts, ObjectProvider<ApiAddressMethods> addresses) {
        this.scripts = scripts;
        this.addresses = addresses;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        boolean unanswered = status >= 400 && response.getContentWritten() == 0;
        ProblemDetail problem;
        if (isApi(request)) {
            problem = unanswered
                    ? ApiErrorDispatches.problemFor(
                            status,
                            request.getMethod(),
                            pathSent(request),
                            addresses == null ? null : addresses.getIfAvailable(),
                            response)
                    : null;
        } else {
            problem = unanswered ? forScript(request, status) : null;
            if (problem == null) {
                if (unanswered && status == 501 && response.isError()) {
                    // CONNECT: the caller's mistake, a 405 as under /api, never a server error.
                    response.setStatus(405);
                }
                super.report(request, response, throwable);
                return;
            }
        }
        if (problem == null || !response.setErrorReported()) {
            return;
        }
        var ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String path = pathSent(request);
        problem.setInstance(ApiProblemWriter.instance(
                path == null || path.isEmpty() ? OverlongRequestLines.path(request.getCoyoteRequest()) : path));
        try {
            response.setStatus(problem.getStatus());
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("utf-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json(problem));
            }
            response.finishResponse();
        } catch (IOException | IllegalStateException ignored) {
            // The connection is gone or the answer was started: nothing more can be said.
        }
    }

    /**
     * Outside /api, a page's script (ErrorAnswers decides, as for every refusal of the pages) is answered a problem
     * in the language of its cookie or its Accept-Language, rather than Tomcat's HTML page, which it cannot read; the
     * request never reached the application, so there is no signed-in person to ask. Null for a person's browser.
     */
    private ProblemDetail forScript(Request request, int status) {
        if (scripts == null) {
            return null;
        }
        try {
            return scripts.forScript(request, status, new UserLocaleResolver().resolveLocale(request));
        } catch (RuntimeException unreadable) {
            return null; // headers Tomcat could not read: Tomcat's own page, as before
        }
    }

    /**
     * Under /api, or unknown: a request line too long to read leaves no address, and then a problem, which a
     * program and a person can both read, is the better answer.
     */
    private static boolean isApi(Request request) {
        String uri = pathSent(request);
        return uri == null || uri.isEmpty() || ApiErrorDispatches.underApi(uri);
    }

    /** The path as the request line had it, undecoded and without its query: empty when it could not be read. */
    private static String pathSent(Request request) {
        return request.getCoyoteRequest().requestURI().toString();
    }

    /**
     * The valve runs outside the application, where its JSON mapper is not to be reached: Jackson's shared mapper
     * writes the members, so that a quote, a backslash or a control character in any of them stays valid JSON. The
     * {@code instance} is left out only when there is no path to name: a request line Tomcat could not read whose
     * path itself (not only its query) is over the limit.
     */
    static String json(ProblemDetail problem) {
        var members = new LinkedHashMap<String, Object>();
        members.put("type", String.valueOf(problem.getType()));
        members.put("title", problem.getTitle());
        members.put("status", problem.getStatus());
        members.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            members.put("instance", problem.getInstance().toString());
        }
        return JsonMapper.shared().writeValueAsString(members);
    }

    /** Puts this valve in the place of Boot's ErrorReportValve on the host, after Boot has added its own. */
    static final class Installer implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

        private final ErrorAnswers scripts;
        private final ObjectProvider<ApiAddressMethods> addresses;

        Installer(ErrorAnswers scripts, ObjectProvider<ApiAddressMethods> addresses) {
            this.scripts = scripts;
            this.addresses = addresses;
        }

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                var host = context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                if (host instanceof StandardHost standard) {
                    standard.setErrorReportValveClass(ApiProblemReportValve.class.getName());
                }
                host.getPipeline().addValve(new ApiProblemReportValve(scripts, addresses));
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
