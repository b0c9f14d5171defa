package io.licencedesk.web;

import static io.licencedesk.web.HandlerRoutes.TRACES;
import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.support.RawHttp;
import io.licencedesk.support.RawHttp.Answer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.server.PathContainer;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * TRACE, which Tomcat refuses itself (its connector does not allow it), on every address: a 405 whose {@code Allow}
 * names what the address takes, as OPTIONS does, without an echo of the request or a trace of the server. The pages'
 * addresses were answered Tomcat's own list, {@code HEAD, DELETE, POST, GET, OPTIONS, PUT}, wherever TRACE was sent
 * (RestApiAtTheServerTests holds the API's to the same, from the OpenAPI document). Sent without signing in:
 * the container answers before the application knows who asks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TraceAtTheServerTests {

    /** Sent with every TRACE; an echo of the request would repeat it. */
    static final String MARKER = "echo-me-not-4711";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void traceOnEveryAddressIsAMethodNotAllowedNamingWhatTheAddressTakes() throws Exception {
        var http = new RawHttp(port);
        List<HandlerRoutes.Route> routes = HandlerRoutes.of(context).stream()
                .filter(route -> !route.pattern().startsWith("/error"))
                .toList();
        Set<String> paths = routes.stream()
                .map(route -> route.pattern().replaceAll("\\{[^}]+}", "1"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(paths).contains("/licences", "/licences/1", "/portal/licences/1", "/login", "/api/v1/licences");
        List<String> wrong = new ArrayList<>();
        for (String path : paths) {
            Answer answer = http.exchange("TRACE", path, Map.of("X-Marker", MARKER, "Cookie", "x=" + MARKER), null);
            Set<String> expected = expected(routes, path);
            Set<String> allowed = answer.headers().get("allow") == null
                    ? Set.of()
                    : Arrays.stream(answer.headers().get("allow").split(","))
                            .map(String::trim)
                            .collect(Collectors.toCollection(TreeSet::new));
            if (answer.status() != 405
                    || !allowed.equals(expected)
                    || answer.body().contains(MARKER)
                    || TRACES.stream().anyMatch(answer.body()::contains)) {
                wrong.add(path + ": " + answer.status() + " Allow " + allowed + ", expected " + expected
                        + (answer.body().contains(MARKER) ? ", echoing the request" : ""));
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** Addresses no controller of ours serves: the operations endpoints and the static files. */
    @Test
    void traceOnTheOperationsEndpointsAndStaticFilesNamesTheirGet() throws Exception {
        var http = new RawHttp(port);
        for (String path : List.of("/actuator/health", "/robots.txt", "/webjars/htmx.org/any.js")) {
            Answer answer = http.exchange("TRACE", path, Map.of("X-Marker", MARKER), null);
            assertThat(answer.status()).as(path).isEqualTo(405);
            assertThat(answer.headers().get("allow")).as(path).isEqualTo("GET,HEAD,OPTIONS");
            assertThat(answer.body()).as(path).doesNotContain(MARKER);
        }
    }

    @Test
    void traceOnAPathNothingServesIsItsNotFound() throws Exception {
        Answer answer = new RawHttp(port).exchange("TRACE", "/no-such-page", Map.of("X-Marker", MARKER), null);
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.headers()).doesNotContainKey("allow");
        assertThat(answer.body()).doesNotContain(MARKER);
    }

    /**
     * The methods of the routes the path is (an address without a variable takes only its own), with HEAD beside GET
     * and OPTIONS everywhere, as OPTIONS answers.
     */
    static Set<String> expected(List<HandlerRoutes.Route> routes, String path) {
        Set<String> literal = routes.stream()
                .filter(route -> route.pattern().equals(path))
                .map(route -> route.method().name())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> taken = !literal.isEmpty()
                ? literal
                : routes.stream()
                        .filter(route -> PathPatternParser.defaultInstance
                                .parse(route.pattern())
                                .matches(PathContainer.parsePath(path)))
                        .map(route -> route.method().name())
                        .collect(Collectors.toCollection(TreeSet::new));
        taken.add("OPTIONS");
        if (taken.contains("GET")) {
            taken.add("HEAD");
        }
        return taken;
    }
}
