package io.licencedesk.web;

import static io.licencedesk.support.RawHttp.chunked;
import static io.licencedesk.web.HandlerRoutes.TRACES;
import static io.licencedesk.web.HandlerRoutes.fields;
import static io.licencedesk.web.HandlerRoutes.path;
import static io.licencedesk.web.HandlerRoutes.variables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import io.licencedesk.accounts.ApiAccess;
import io.licencedesk.accounts.ApiTokens;
import io.licencedesk.accounts.NewApiToken;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.devices.ScreenManagement;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.mail.Outbox;
import io.licencedesk.support.RawHttp;
import io.licencedesk.support.RawHttp.Answer;
import io.licencedesk.support.TestFixture;
import io.licencedesk.web.HandlerRoutes.Input;
import io.licencedesk.web.HandlerRoutes.Route;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.ClassUtils;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every route of the application, read from Spring MVC's handler mappings so that a new route is swept too, gets
 * bad path variables, parameters, form fields, headers and JSON bodies from every kind of caller: anonymous, owner,
 * account manager, client, and a device with its credential on the API. No answer may be a server error or show a
 * stack trace: bad input gets a form error, a 4xx page or a problem. All the failures of a run are reported together.
 *
 * <p>Most of it goes through MockMvc (fast, signed in without a password, every handler parameter reached); what only
 * the servlet container parses goes to the running server over plain sockets. No route is skipped: the actuator's
 * endpoints are not handler methods of these mappings (ConsoleAccessIntegrationTests covers their chain).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureMockMvc
class HostileInputIntegrationTests {

    static final String LONG = "x".repeat(500);
    static final String OVERLONG = "y".repeat(20_000);

    /** Each goes into every path variable, parameter, form field and header, in turn. */
    static final List<String> HOSTILE = List.of("abc", "-1", "0", "99999999999999999999", "\0", "%00", LONG);

    static final String FORM = "application/x-www-form-urlencoded";
    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Headers anyone can send; a cookie is sent as the session's, which Spring Session reads before anything else. */
    static final List<Map.Entry<String, String>> HEADERS = List.of(
            Map.entry("Accept", "application/json"),
            Map.entry("Accept", "application/xml"),
            Map.entry("Accept", "nonsense"),
            Map.entry("Accept", "*/*;q=abc"),
            Map.entry("Accept-Language", "99999999999999999999"),
            Map.entry("HX-Request", "true"),
            Map.entry("Range", "bytes=99999999999999999999-"),
            Map.entry("If-Modified-Since", "abc"),
            Map.entry("Cookie", "abc"),
            Map.entry("Cookie", "%00"),
            Map.entry("Cookie", LONG));

    static final List<String> CONTENT_TYPES = List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data",
            "application/json; charset=nonsense",
            "application/json; charset=UTF-16",
            "nonsense",
            "");

    /** The application's clock: a test's "now" is the application's (decision 0147). */
    @Autowired
    Clock clock;

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    LicenceManagement licences;

    @Autowired
    ScreenManagement screens;

    @Autowired
    InvoiceManagement invoicing;

    @Autowired
    Outbox outbox;

    @Autowired
    UserDetailsService users;

    @Autowired
    ApiTokens apiTokens;

    /** Ids that exist, by "area/variable" for path variables and by name for parameters. */
    final Map<String, String> ids = new HashMap<>();

    final List<String> failures = new ArrayList<>();
    /** An error page depends on the visitor, the status and the headers only: each is rendered once. */
    final Set<String> errorPagesSeen = new HashSet<>();

    List<Visitor> visitors;
    int requests;
    String credential;
    RawHttp http;

    /** Who sends a request: signed in (MockMvc) or with an e-mail to sign in with (server), or a device credential. */
    record Visitor(String name, RequestPostProcessor auth, String email, String authorization) {}

    /** One request: path variables, parameters (query or form), headers and an optional body. */
    static final class Call {
        final Map<String, String> path = new LinkedHashMap<>();
        final Map<String, String> params = new LinkedHashMap<>();
        final Map<String, String> headers = new LinkedHashMap<>();
        String contentType;
        byte[] body;

        Call set(Input input, String value) {
            (input.header() ? headers : params).put(input.name(), value);
            return this;
        }
    }

    @BeforeEach
    void setUp() {
        TestOrganisation org = organisations.create();
        var plan = fixture.monthlyPlan(org);
        long licence = licences.create(
                        org.manager(),
                        new NewLicence(plan.id(), "Lobby", null, 2, org.alice().userId()))
                .id();
        var screen = screens.register(org.alice(), licence, "Reception");
        long invoice =
                invoicing.send(org.manager(), List.of(licence)).issued().get(0).id();
        credential = screen.credential();
        http = new RawHttp(port);
        ids.putAll(Map.of(
                "licences/id", "" + licence,
                "licences/screenId", "" + screen.screen().id(),
                "invoices/id", "" + invoice,
                "plans/id", "" + plan.id(),
                // Bob's, so that editing the client never changes the e-mail Alice signs in with.
                "clients/id", "" + org.bob().userId(),
                "planId", "" + plan.id(),
                "clientId", "" + org.alice().userId(),
                "client", "" + org.alice().userId(),
                "id", "" + licence));
        outbox.messages(org.owner(), null, 1, 1).items().forEach(mail -> ids.put("outbox/id", "" + mail.id()));
        // The owner's token (the manager's revoke is a 404) and Alice's, under her profile in the portal.
        ids.put(
                "api-tokens/id",
                ""
                        + apiTokens
                                .issue(org.owner(), new NewApiToken("Hostile", ApiAccess.READ_ONLY, null))
                                .token()
                                .id());
        ids.put(
                "profile/id",
                ""
                        + apiTokens
                                .issue(org.alice(), new NewApiToken("Hostile", ApiAccess.READ_ONLY, null))
                                .token()
                                .id());
        visitors = List.of(
                new Visitor("anonymous", request -> request, null, null),
                signedIn("owner", org.owner().email()),
                signedIn("manager", org.manager().email()),
                signedIn("client", org.alice().email()),
                new Visitor("device", request -> request, null, "Bearer " + credential));
    }

    Visitor signedIn(String name, String email) {
        return new Visitor(name, user(users.loadUserByUsername(email)), email, null);
    }

    @Test
    void answersEveryRouteWithoutAServerErrorOrAStackTrace() throws Exception {
        sweepEveryRoute("MockMvc", this::sweep);
    }

    /**
     * What Tomcat parses itself (query strings, form and multipart bodies, chunked bodies, raw bytes in the path)
     * never reaches MockMvc, which hands the handlers ready-made parameters: these go to the server over HTTP.
     */
    @Test
    void answersMalformedRequestsAtTheServerWithoutAServerErrorOrAStackTrace() throws Exception {
        sweepEveryRoute("HTTP", this::sweepAtTheServer);
    }

    interface Sweep {
        void sweep(Route route, Visitor visitor) throws Exception;
    }

    void sweepEveryRoute(String how, Sweep sweep) throws Exception {
        ids.put("api/keyId", keyId());
        List<Route> routes = HandlerRoutes.of(context);
        assertThat(routes)
                .extracting(Route::toString)
                .contains("GET /licences/{id}", "POST /portal/licences/{id}/screens", "POST /api/v1/device/check-in");
        for (Route route : routes) {
            for (Visitor visitor : visitors) {
                // A device credential means something to the device API only; elsewhere it is one more stranger.
                if (visitor.authorization() == null || route.pattern().startsWith("/api/")) {
                    sweep.sweep(route, visitor);
                }
            }
        }
        LoggerFactory.getLogger(getClass()).info("Swept {} routes with {} requests ({})", routes.size(), requests, how);
        assertThat(failures)
                .withFailMessage(() -> failures.size() + " of " + requests + " hostile requests failed (" + how + "):\n"
                        + String.join("\n", failures))
                .isEmpty();
    }

    void sweep(Route route, Visitor visitor) {
        var baseline = send(route, visitor, "the required parameters", plausible(route, visitor));
        boolean admitted = baseline != null
                && baseline.getStatus() != 401
                && baseline.getStatus() != 403
                && !String.valueOf(baseline.getRedirectedUrl()).contains("/login");
        List<String> variables = variables(route.pattern());
        for (String value : HOSTILE) {
            if (!variables.isEmpty()) {
                var call = plausible(route, visitor);
                variables.forEach(variable -> call.path.put(variable, value));
                send(route, visitor, "path " + variables + " = " + show(value), call);
            }
            if (!route.inputs().isEmpty()) {
                var call = plausible(route, visitor);
                route.inputs().forEach(input -> call.set(input, value));
                send(route, visitor, "every parameter and header = " + show(value), call);
            }
        }
        if (admitted) {
            var call = plausible(route, visitor);
            route.inputs().stream()
                    .filter(input -> plausible(input, visitor) != null)
                    .forEach(input -> call.set(input, plausible(input, visitor)));
            send(route, visitor, "every parameter plausible", call);
            sweepOneByOne(route, visitor, variables);
        }
        if (admitted || visitor.name().equals("anonymous")) {
            for (var header : HEADERS) {
                var call = plausible(route, visitor);
                call.headers.put(header.getKey(), header.getValue());
                send(route, visitor, header.getKey() + ": " + show(header.getValue()), call);
            }
        }
        if (route.method() == HttpMethod.GET) {
            var call = plausible(route, visitor);
            call.params.putAll(Map.of("page", "-5", "size", "100000", "sort", "nonsense"));
            send(route, visitor, "page=-5&size=100000&sort=nonsense", call);
        } else {
            var empty = plausible(route, visitor);
            empty.params.clear();
            empty.body = new byte[0];
            send(route, visitor, "empty body", empty);
            if (!route.inputs().isEmpty()) {
                var call = plausible(route, visitor);
                route.inputs().forEach(input -> call.set(input, OVERLONG));
                send(route, visitor, "every parameter and header 20,000 characters", call);
            }
        }
        if (route.body() != null) {
            sweepBodies(route, visitor);
        }
    }

    /** Each input (and path variable) bad on its own, the others plausible, so that the handler gets past binding. */
    void sweepOneByOne(Route route, Visitor visitor, List<String> variables) {
        for (Input input : route.inputs().size() > 1 ? route.inputs() : List.<Input>of()) {
            for (String value : HOSTILE) {
                send(
                        route,
                        visitor,
                        input.name() + " = " + show(value),
                        plausible(route, visitor).set(input, value));
            }
        }
        for (String variable : variables.size() > 1 ? variables : List.<String>of()) {
            for (String value : HOSTILE) {
                var call = plausible(route, visitor);
                call.path.put(variable, value);
                send(route, visitor, "path " + variable + " = " + show(value), call);
            }
        }
    }

    void sweepBodies(Route route, Visitor visitor) {
        var bodies = new ArrayList<>(List.of(
                "{}",
                "[]",
                "null",
                "\"x\"",
                "1",
                "true",
                " ",
                "{",
                "{\"a\":",
                "[".repeat(10_000),
                "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000),
                "\uFEFF{}",
                "x".repeat(17 * 1024)));
        var components = fields(route.body());
        for (String wrong : List.of("1", "true", "[\"a\"]", "{\"b\":1}", "null", "1e999999", "-0.0")) {
            var json = new StringBuilder("{");
            components.forEach(input -> json.append('"')
                    .append(input.name())
                    .append("\":")
                    .append(wrong)
                    .append(','));
            bodies.add(json.append("\"extra\":").append(wrong).append('}').toString());
        }
        for (Input input : components) {
            for (String value : HOSTILE) {
                var fields = plausibleFields(route.body());
                fields.put(input.name(), value);
                var call = plausible(route, visitor);
                call.body = JSON.writeValueAsBytes(fields);
                send(route, visitor, "JSON " + input.name() + " = " + show(value), call);
            }
        }
        for (String body : bodies) {
            var call = plausible(route, visitor);
            call.body = body.getBytes(StandardCharsets.UTF_8);
            send(route, visitor, "JSON body " + show(body), call);
        }
        var invalidUtf8 = plausible(route, visitor);
        invalidUtf8.body = new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};
        send(route, visitor, "JSON body with invalid UTF-8", invalidUtf8);
        for (String contentType : CONTENT_TYPES) {
            var call = plausible(route, visitor);
            call.contentType = contentType;
            send(route, visitor, "Content-Type: " + contentType, call);
        }
    }

    /**
     * A request that a well-meaning caller could send: ids that exist, and values that pass validation for the
     * required parameters only (an optional one, such as a paging cursor, has no value that is always valid).
     */
    Call plausible(Route route, Visitor visitor) {
        var call = new Call();
        String area = route.pattern().replaceFirst("^/portal/", "/").split("/", 3)[1];
        variables(route.pattern())
                .forEach(variable -> call.path.put(variable, ids.getOrDefault(area + "/" + variable, "1")));
        for (Input input : route.inputs()) {
            String value = plausible(input, visitor);
            if (input.required() && value != null) {
                call.set(input, value);
            }
        }
        if (visitor.authorization() != null) {
            call.headers.putIfAbsent("Authorization", visitor.authorization());
        } else {
            call.headers.put("Accept", BROWSER);
        }
        if (route.body() != null) {
            call.contentType = "application/json";
            call.body = JSON.writeValueAsBytes(plausibleFields(route.body()));
        }
        return call;
    }

    Map<String, Object> plausibleFields(Class<?> type) {
        var fields = new LinkedHashMap<String, Object>();
        fields(type).forEach(input -> fields.put(input.name(), plausible(input, visitors.get(0))));
        return fields;
    }

    String plausible(Input input, Visitor visitor) {
        Class<?> type = ClassUtils.resolvePrimitiveIfNecessary(input.type());
        if (input.name().equalsIgnoreCase("Authorization")) {
            return visitor.authorization();
        }
        if (input.name().equalsIgnoreCase("Referer")) {
            return "/licences";
        }
        if (type == Boolean.class) {
            return "true";
        }
        if (Number.class.isAssignableFrom(type) && type != BigDecimal.class) {
            return ids.getOrDefault(input.name(), "1");
        }
        if (type == BigDecimal.class) {
            return "10.00";
        }
        if (type == LocalDate.class) {
            return "2020-01-01";
        }
        return switch (input.name()) {
            case "email", "senderEmail" -> "hostile-" + requests + "@example.test";
            case "term" -> "P1M";
            case "currency" -> "EUR";
            case "invoicePrefix" -> "HOS";
            case "access" -> "READ_ONLY";
            case "expiresOn" -> LocalDate.now(clock).plusDays(30).toString();
            default -> "Plausible";
        };
    }

    MockHttpServletResponse send(Route route, Visitor visitor, String input, Call call) {
        requests++;
        var response = answer(route, visitor, input, request(route, visitor, call));
        if (response != null && response.getStatus() >= 400 && response.getContentLength() == 0) {
            String key = visitor.name() + " " + route.method() + " " + response.getStatus() + " " + call.headers;
            if (errorPagesSeen.add(key)) {
                answer(route, visitor, input + ", then its error page", errorPage(route, visitor, call, response));
            }
        }
        return response;
    }

    /**
     * What the servlet container does after a refusal without a body (sendError), which MockMvc does not: an error
     * dispatch to /error with the status, where the error page is rendered for the same visitor.
     */
    MockHttpServletRequestBuilder errorPage(Route route, Visitor visitor, Call call, MockHttpServletResponse refusal) {
        var request = MockMvcRequestBuilders.request(route.method(), "/error")
                .with(visitor.auth())
                .with(dispatch -> {
                    dispatch.setDispatcherType(DispatcherType.ERROR);
                    return dispatch;
                })
                .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, refusal.getStatus())
                .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, route.pattern())
                .requestAttr(RequestDispatcher.ERROR_MESSAGE, String.valueOf(refusal.getErrorMessage()));
        call.headers.forEach((name, value) -> {
            if (!name.equals("Cookie")) {
                request.header(name, value);
            }
        });
        return request;
    }

    MockHttpServletResponse answer(Route route, Visitor visitor, String input, MockHttpServletRequestBuilder request) {
        try {
            var response = mvc.perform(request).andReturn().getResponse();
            String body = response.getContentAsString(StandardCharsets.UTF_8);
            if (response.getStatus() >= 500 || TRACES.stream().anyMatch(body::contains)) {
                fail(route, visitor, input, "" + response.getStatus(), body);
            }
            return response;
        } catch (Exception thrown) {
            Throwable cause = NestedExceptionUtils.getMostSpecificCause(thrown);
            fail(route, visitor, input, "threw", cause.getClass().getName() + ": " + cause.getMessage());
            return null;
        }
    }

    MockHttpServletRequestBuilder request(Route route, Visitor visitor, Call call) {
        var request = MockMvcRequestBuilders.request(route.method(), URI.create(path(route, call.path)))
                .with(visitor.auth());
        if (route.method() != HttpMethod.GET) {
            request.with(csrf());
        }
        call.params.forEach(request::param);
        call.headers.forEach((name, value) -> {
            if (name.equals("Cookie")) {
                request.cookie(new Cookie("SESSION", value));
            } else {
                request.header(name, value);
            }
        });
        if (call.body != null) {
            request.content(call.body);
        }
        if (call.contentType != null && !call.contentType.isEmpty()) {
            request.header("Content-Type", call.contentType);
        }
        return request;
    }

    /** A raw request: the request target as sent (not re-encoded), headers and body. */
    record Raw(String target, Map<String, String> headers, String body) {}

    void sweepAtTheServer(Route route, Visitor visitor) throws IOException {
        var session = session(visitor, route.method());
        var plausible = plausible(route, visitor);
        String path = path(route, plausible.path);
        var probes = new LinkedHashMap<String, Raw>();
        probes.put("query q=%ZZ", new Raw(path + "?q=%ZZ", Map.of(), null));
        probes.put("query %ZZ=1", new Raw(path + "?%ZZ=1", Map.of(), null));
        probes.put("query with invalid UTF-8", new Raw(path + "?q=%C3%28&name=%C3%28", Map.of(), null));
        probes.put("query with 1,500 parameters", new Raw(path + "?" + "a=1&".repeat(1_500), Map.of(), null));
        if (!plausible.path.isEmpty()) {
            var nul = new HashMap<String, String>();
            plausible.path.keySet().forEach(variable -> nul.put(variable, "\0"));
            probes.put("path variables NUL (%00)", new Raw(path(route, nul), Map.of(), null));
        }
        probes.put("form body name=%ZZ", new Raw(path, Map.of("Content-Type", FORM), "name=%ZZ&email=%"));
        probes.put("form body with 1,500 fields", new Raw(path, Map.of("Content-Type", FORM), "a=1&".repeat(1_500)));
        probes.put(
                "multipart body without boundary", new Raw(path, Map.of("Content-Type", "multipart/form-data"), "abc"));
        probes.put(
                "multipart body cut short",
                new Raw(
                        path,
                        Map.of("Content-Type", "multipart/form-data; boundary=zz"),
                        "--zz\r\nContent-Disposition"));
        probes.put(
                "chunked JSON body over 16 KiB",
                new Raw(
                        path,
                        Map.of("Content-Type", "application/json", "Transfer-Encoding", "chunked"),
                        chunked("{\"fingerprint\":\"" + "f".repeat(17_000) + "\"}")));
        probes.put("header of 20,000 characters", new Raw(path, Map.of("X-Hostile", OVERLONG), null));
        for (var probe : probes.entrySet()) {
            var headers = new LinkedHashMap<>(probe.getValue().headers());
            session.forEach(headers::putIfAbsent);
            requests++;
            try {
                var answer = http.exchange(
                        route.method().name(),
                        probe.getValue().target(),
                        headers,
                        probe.getValue().body());
                if (answer.status() >= 500 || TRACES.stream().anyMatch(answer.body()::contains)) {
                    fail(route, visitor, probe.getKey(), "" + answer.status(), answer.body());
                }
            } catch (IOException noAnswer) {
                fail(route, visitor, probe.getKey(), "no answer", noAnswer.toString());
            }
        }
    }

    /**
     * The headers a visitor sends: a fresh session (signed in for staff and clients) with its CSRF token in the
     * header that Spring Security reads before any parameter, or the device credential. An anonymous visitor reads
     * pages on a first visit, without a session.
     */
    Map<String, String> session(Visitor visitor, HttpMethod method) throws IOException {
        if (visitor.authorization() != null) {
            return Map.of("Authorization", visitor.authorization());
        }
        if (visitor.email() == null && method == HttpMethod.GET) {
            return Map.of("Accept", BROWSER);
        }
        var signIn = http.exchange("GET", "/login", Map.of("Accept", BROWSER), null);
        String cookie = cookie(signIn);
        if (visitor.email() != null) {
            String form = "email=" + UriUtils.encodeQueryParam(visitor.email(), StandardCharsets.UTF_8) + "&password="
                    + TestOrganisation.PASSWORD + "&_csrf=" + csrfToken(signIn);
            var signedIn = http.exchange("POST", "/login", Map.of("Cookie", cookie, "Content-Type", FORM), form);
            assertThat(signedIn.headers().get("location")).as(visitor.name()).doesNotContain("/login");
            cookie = cookie(signedIn);
            // Any page carries the session's CSRF token; the sign-in page now sends a signed-in visitor home.
            signIn = http.exchange("GET", "/password/forgot", Map.of("Cookie", cookie, "Accept", BROWSER), null);
        }
        return Map.of("Cookie", cookie, "X-CSRF-TOKEN", csrfToken(signIn), "Accept", BROWSER);
    }

    static String cookie(Answer answer) {
        String setCookie = answer.headers().get("set-cookie");
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    /** The form token of a page: in its meta for a signed-in person, in its forms' hidden field for anyone else. */
    static String csrfToken(Answer answer) {
        Matcher token =
                Pattern.compile("name=\"_csrf\" (?:content|value)=\"([^\"]+)\"").matcher(answer.body());
        assertThat(token.find()).as("a CSRF token in " + answer.body()).isTrue();
        return token.group(1);
    }

    String keyId() throws Exception {
        var answer = mvc.perform(MockMvcRequestBuilders.get("/api/v1/device/key")
                        .header("Authorization", "Bearer " + credential))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JSON.readTree(answer).get("keyId").asString();
    }

    void fail(Route route, Visitor visitor, String input, String status, String body) {
        String start = body.length() > 200 ? body.substring(0, 200) : body;
        failures.add(
                route + " as " + visitor.name() + " with " + input + ": " + status + " " + start.replace('\n', ' '));
    }

    static String show(String value) {
        if (value.equals("\0")) {
            return "NUL (%00)";
        }
        return value.length() > 40 ? value.charAt(0) + "×" + value.length() : value;
    }
}
