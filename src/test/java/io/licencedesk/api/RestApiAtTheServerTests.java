package io.licencedesk.api;

import static io.licencedesk.support.RawHttp.chunked;
import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.NewClient;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.RawHttp;
import io.licencedesk.support.RawHttp.Answer;
import io.licencedesk.support.TestFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;

/**
 * What reaches the API over HTTP byte for byte, as MockMvc cannot send it: addresses under /api outside /api/v1,
 * paths and methods refused before the API sees them, and bodies of undeclared length (chunked). Every answer is
 * an RFC 9457 problem with a 4xx status, naming the path sent as its {@code instance}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RestApiAtTheServerTests {

    @LocalServerPort
    int port;

    @Autowired
    TestFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountManagement accounts;

    TestOrganisation org;
    String manager;
    RawHttp http;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        manager = fixture.token(org.manager());
        http = new RawHttp(port);
    }

    /** An RFC 9457 problem of the API's own types, not Boot's JSON error. */
    static boolean isProblem(Answer answer) {
        return answer.contentType().startsWith("application/problem+json")
                && answer.body().contains("\"type\":\"https://licencedesk.io/problems/")
                && answer.body().contains("\"title\":")
                && answer.body().contains("\"detail\":")
                && !answer.body().contains("timestamp");
    }

    /**
     * The problem's {@code instance} is the path sent, without its query, as every problem of the API has it
     * (docs/api.md), whether Spring MVC, a filter, the error page or Tomcat's own report wrote it.
     */
    static boolean namesThePathSent(Answer answer, String sent) {
        String path = sent.contains("?") ? sent.substring(0, sent.indexOf('?')) : sent;
        var instance = JsonMapper.shared().readTree(answer.body()).get("instance");
        return instance != null && instance.isString() && instance.asString().equals(path);
    }

    /**
     * A page's Link header (decision 0144) over HTTP as Tomcat reads the query: a search with + for its spaces and é in
     * lower-case hex is linked in one spelling (%20, %C3%A9) that reads back as the same search.
     */
    @Test
    void linksTheNextPageWithTheSearchAsTomcatReadIt() throws Exception {
        for (int i = 1; i <= 2; i++) {
            accounts.addClient(
                    org.manager(),
                    new NewClient("Café & Bar " + i, "cafe" + i + "-" + org.id() + "@example.com", null, null, null));
        }
        Map<String, String> token = Map.of("Authorization", "Bearer " + manager);

        Answer first = http.exchange("GET", "/api/v1/clients?q=caf%c3%a9+%26+bar&limit=1", token, null);

        String q = "q=caf%C3%A9%20%26%20bar&limit=1";
        assertThat(first.headers().get("link"))
                .isEqualTo("</api/v1/clients?" + q + "&page=1>; rel=\"first\", </api/v1/clients?" + q
                        + "&page=2>; rel=\"next\", </api/v1/clients?" + q + "&page=2>; rel=\"last\"");
        Answer next = http.exchange("GET", "/api/v1/clients?" + q + "&page=2", token, null);
        assertThat(next.status()).isEqualTo(200);
        assertThat(next.body()).contains("Café & Bar 2").doesNotContain("Café & Bar 1");
    }

    @Test
    void answersAnAddressUnderApiOutsideTheApiWithAProblemNotTheSignInPage() throws Exception {
        for (String path : List.of("/api", "/api/", "/api/v2/licences", "/api/v1x")) {
            Answer anonymous = http.exchange("GET", path, Map.of(), null);
            assertThat(anonymous.status()).as(path).isEqualTo(401);
            assertThat(isProblem(anonymous)).as(path + " " + anonymous).isTrue();
            assertThat(namesThePathSent(anonymous, path))
                    .as(path + " " + anonymous)
                    .isTrue();
            for (String token : List.of(manager, fixture.token(org.alice()))) {
                Answer signed = http.exchange("GET", path, Map.of("Authorization", "Bearer " + token), null);
                assertThat(signed.status()).as(path).isEqualTo(404);
                assertThat(isProblem(signed)).as(path + " " + signed).isTrue();
                assertThat(namesThePathSent(signed, path))
                        .as(path + " " + signed)
                        .isTrue();
            }
        }
    }

    @Test
    void answersARequestRefusedBeforeTheApiWithAProblem() throws Exception {
        Map<String, String> token = Map.of("Authorization", "Bearer " + manager);
        var refused = new LinkedHashMap<String, String>();
        refused.put("/api/v1//plans", "GET");
        refused.put("/api/v1/./plans", "GET");
        refused.put("/api/v1/licences/1;jsessionid=x", "GET");
        refused.put("/api/v1/plans", "FOO");
        refused.put("/api/v1/plans/", "PROPFIND");
        refused.put("/api/v1/licences", "TRACE");
        // A base address that ends with a slash: refused by the firewall, and answered the HTML page, not a problem.
        refused.put("//api/v1/plans", "GET");
        refused.put("//api/v1/device/time", "GET");
        refused.put("/.//api/v1/licences", "GET");
        List<String> wrong = new ArrayList<>();
        for (var request : refused.entrySet()) {
            for (Map<String, String> headers : List.of(token, Map.<String, String>of())) {
                Answer answer = http.exchange(request.getValue(), request.getKey(), headers, null);
                if (answer.status() < 400
                        || answer.status() >= 500
                        || !isProblem(answer)
                        || !namesThePathSent(answer, request.getKey())) {
                    wrong.add(request.getValue() + " " + request.getKey() + " " + headers.keySet() + ": " + answer);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * docs/api.md: a method no address takes is a 405 method-not-allowed, whichever layer refuses it (Spring
     * Security's firewall for FOO and PROPFIND, the container for TRACE and CONNECT), naming the method sent.
     */
    @Test
    void answersAMethodNoAddressTakesWithMethodNotAllowedNamingIt() throws Exception {
        Map<String, String> token = Map.of("Authorization", "Bearer " + manager);
        List<String> wrong = new ArrayList<>();
        for (String method : List.of("FOO", "PROPFIND", "TRACE", "CONNECT")) {
            for (Map<String, String> headers : List.of(token, Map.<String, String>of())) {
                Answer answer = http.exchange(method, "/api/v1/licences", headers, null);
                if (answer.status() != 405
                        || !isProblem(answer)
                        || !answer.body().contains("https://licencedesk.io/problems/method-not-allowed")
                        || !namesThePathSent(answer, "/api/v1/licences")
                        || !answer.body().contains("the method " + method + " ")
                        || !answer.body().contains("(/swagger-ui/index.html)")) {
                    wrong.add(method + " " + headers.keySet() + ": " + answer);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * RFC 9110: a 405 says in {@code Allow} what the address takes. A method no address takes (refused by Spring
     * Security's firewall for FOO and PROPFIND, by the container for TRACE and CONNECT) was answered without Allow, or
     * with Tomcat's own list for TRACE ({@code HEAD, DELETE, POST, GET, OPTIONS, PUT} on {@code /api/v1/licences},
     * which takes neither DELETE nor PUT). Every address of the OpenAPI document, staff, portal and device, now names
     * its own methods there, as OPTIONS does; a path that is no address is a 404.
     */
    @Test
    void aMethodNoAddressTakesIsAnsweredWithTheMethodsTheAddressTakes() throws Exception {
        Map<String, String> token = Map.of("Authorization", "Bearer " + manager);
        // The document the server serves (OpenApiSnapshotIntegrationTests keeps the two equal); made on demand, it
        // can take longer than RawHttp waits on a busy machine.
        var document = JsonMapper.shared()
                .readTree(Files.readString(OpenApiSnapshotIntegrationTests.SNAPSHOT, StandardCharsets.UTF_8));
        Map<String, Set<String>> addresses = new LinkedHashMap<>();
        for (var path : document.get("paths").properties()) {
            Set<String> taken = new TreeSet<>();
            for (var operation : path.getValue().properties()) {
                taken.add(operation.getKey().toUpperCase(Locale.ROOT));
            }
            addresses.put(path.getKey().replaceAll("\\{[^}]+}", "1"), taken);
        }
        assertThat(addresses).containsKeys("/api/v1/licences", "/api/v1/portal/licences", "/api/v1/device/activate");
        List<String> wrong = new ArrayList<>();
        for (var address : addresses.entrySet()) {
            Set<String> expected = new TreeSet<>(address.getValue());
            expected.add("OPTIONS");
            if (expected.contains("GET")) {
                expected.add("HEAD");
            }
            for (String method : List.of("FOO", "PROPFIND", "TRACE", "CONNECT")) {
                Answer answer = http.exchange(method, address.getKey(), token, null);
                if (answer.status() != 405
                        || !isProblem(answer)
                        || !expected.equals(RestApiOptionsIntegrationTests.methods(
                                answer.headers().get("allow")))) {
                    wrong.add(method + " " + address.getKey() + ": " + answer.status() + " Allow "
                            + answer.headers().get("allow"));
                }
            }
        }
        for (String method : List.of("FOO", "TRACE", "CONNECT")) {
            Answer nowhere = http.exchange(method, "/api/v1/no-such-list", token, null);
            if (nowhere.status() != 404
                    || !isProblem(nowhere)
                    || nowhere.headers().containsKey("allow")) {
                wrong.add(method + " /api/v1/no-such-list: " + nowhere);
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** Refused by Tomcat itself, before any filter: Tomcat's own HTML page became a problem under /api. */
    @Test
    void answersARequestTomcatRefusesUnderApiWithAProblemAndAFourHundredStatus() throws Exception {
        Map<String, String> token = Map.of("Authorization", "Bearer " + manager);
        var refused = new LinkedHashMap<String, String>();
        refused.put("/api/v1/licences/%00", "GET");
        refused.put("/api/v1/licences%2F1", "GET");
        refused.put("/api/v1/licences%5C1", "GET");
        refused.put("/api/v1/licences?q=" + "x".repeat(9_000), "GET");
        refused.put("/api/v1/licences", "CONNECT");
        List<String> wrong = new ArrayList<>();
        for (var request : refused.entrySet()) {
            Answer answer = http.exchange(request.getValue(), request.getKey(), token, null);
            // A request line over 8 KB is refused before Tomcat reads an address from it: nothing to name.
            boolean unreadable = request.getKey().length() > 8_000;
            if (answer.status() < 400
                    || answer.status() >= 500
                    || !isProblem(answer)
                    || (!unreadable && !namesThePathSent(answer, request.getKey()))) {
                wrong.add(request.getValue() + " " + abbreviated(request.getKey()) + ": " + answer);
            }
        }
        assertThat(wrong).isEmpty();
        Answer page = http.exchange("GET", "/licences/%00", Map.of(), null);
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.contentType()).startsWith("text/html");
    }

    static String abbreviated(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    @Test
    void refusesAChunkedBodyThatGrowsPastTheLimitAsTooLarge() throws Exception {
        Map<String, String> json = Map.of("Content-Type", "application/json", "Transfer-Encoding", "chunked");
        var withToken = new LinkedHashMap<>(json);
        withToken.put("Authorization", "Bearer " + manager);
        Answer licence = http.exchange(
                "POST",
                "/api/v1/licences",
                withToken,
                chunked("{\"planId\": 1, \"name\": \"" + "x".repeat(ApiRequestFilters.MAX_REST_BODY_BYTES) + "\"}"));
        assertThat(licence.status()).isEqualTo(413);
        assertThat(licence.body()).contains("https://licencedesk.io/problems/body-too-large");
        assertThat(namesThePathSent(licence, "/api/v1/licences"))
                .as(licence.body())
                .isTrue();
        for (String action : List.of("activate", "check-in")) {
            Answer device = http.exchange(
                    "POST",
                    "/api/v1/device/" + action,
                    json,
                    chunked("{\"fingerprint\": \"" + "f".repeat(ApiRequestFilters.MAX_BODY_BYTES) + "\"}"));
            assertThat(device.status()).as(action).isEqualTo(413);
            assertThat(device.body()).as(action).contains("https://licencedesk.io/problems/body-too-large");
            assertThat(namesThePathSent(device, "/api/v1/device/" + action))
                    .as(device.body())
                    .isTrue();
        }
        long plan = fixture.monthlyPlan(org).id();
        Answer small = http.exchange(
                "POST",
                "/api/v1/licences",
                withToken,
                chunked("{\"planId\": %d, \"name\": \"Chunked\", \"quantity\": 2}".formatted(plan)));
        assertThat(small.status()).as(small.toString()).isEqualTo(201);
        assertThat(small.body()).contains("\"name\":\"Chunked\"");
    }

    /**
     * A query string Tomcat cannot decode (a {@code %} not followed by two hex digits, bytes that are not UTF-8, on
     * a staff, a portal and a device operation) is a 400 {@code bad-parameter} whose {@code errors} name the
     * parameter, as every other 400 of the API does: it had no {@code errors} at all. Where the name itself cannot be
     * decoded, or the fault is the number of parameters, the query string ({@code query}) is named.
     */
    @Test
    void namesTheParameterOfAQueryStringThatCannotBeDecoded() throws Exception {
        String client = fixture.token(org.alice());
        record Sent(String target, String token, String field) {}
        List<Sent> sent = List.of(
                new Sent("/api/v1/licences?q=%zz", manager, "q"),
                new Sent("/api/v1/licences?sort=name&q=%C3%28", manager, "q"),
                new Sent("/api/v1/licences?status=%E2%82", manager, "status"),
                new Sent("/api/v1/licences/1/history?after=%G0", manager, "after"),
                new Sent("/api/v1/invoices?status=paid&client=%", manager, "client"),
                new Sent("/api/v1/clients?q=caf%E9", manager, "q"),
                new Sent("/api/v1/portal/licences?page=%FF", client, "page"),
                new Sent("/api/v1/device/time?q=%zz", null, "q"),
                new Sent("/api/v1/plans?%zz=1", manager, "query"),
                new Sent("/api/v1/licences?q=lobby&%C3%28=1", manager, "query"),
                new Sent("/api/v1/licences?" + "a=1&".repeat(1_500), manager, "query"));
        List<String> wrong = new ArrayList<>();
        for (Sent request : sent) {
            Answer answer = http.exchange(
                    "GET",
                    request.target(),
                    request.token() == null ? Map.of() : Map.of("Authorization", "Bearer " + request.token()),
                    null);
            String shown = "GET " + abbreviated(request.target()) + ": " + answer;
            if (answer.status() != 400 || !isProblem(answer) || !namesThePathSent(answer, request.target())) {
                wrong.add(shown);
                continue;
            }
            var problem = JsonMapper.shared().readTree(answer.body());
            var errors = problem.path("errors");
            String detail = problem.get("detail").asString();
            if (!problem.get("type").asString().equals("https://licencedesk.io/problems/bad-parameter")
                    || errors.size() != 1
                    || !errors.get(0).get("field").asString().equals(request.field())
                    || !errors.get(0).get("detail").asString().equals(detail)
                    || !detail.contains(
                            request.field().equals("query") ? "query string" : "parameter " + request.field())) {
                wrong.add(shown);
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * Who asks is checked before the request's parameters are read: a query string Tomcat cannot decode, a form body
     * that cannot be, or a wildcard Content-Type, sent without a token or with a revoked one to every operation of the
     * served document, was answered 400 or 415 before Spring Security ran, telling a stranger about parameters of an
     * API they may not use. Each is a 401 {@code unauthenticated} problem, as any other request without a valid token
     * (the device API, which checks its own credential, aside).
     */
    @Test
    void answersEveryOperationUnauthenticatedBeforeReadingAQueryOrABodyItCannotDecode() throws Exception {
        String revoked = fixture.token(org.manager());
        jdbc.sql("update api_token set revoked_at = current_timestamp where prefix = ? and user_id = ?")
                .param(revoked.substring(0, 15))
                .param(org.manager().userId())
                .update();
        // The document the server serves (OpenApiSnapshotIntegrationTests keeps the two equal); made on demand, it
        // can take longer than RawHttp waits on a busy machine.
        var document = JsonMapper.shared()
                .readTree(Files.readString(OpenApiSnapshotIntegrationTests.SNAPSHOT, StandardCharsets.UTF_8));
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("q=%zz", "?q=%zz");
        queries.put("an undecodable name", "?%zz=1");
        queries.put("invalid UTF-8", "?q=%C3%28");
        queries.put("1,500 parameters", "?" + "a=1&".repeat(1_500));
        List<String> wrong = new ArrayList<>();
        int operations = 0;
        for (var path : document.get("paths").properties()) {
            for (var entry : path.getValue().properties()) {
                if (!entry.getValue().has("security")
                        || !entry.getValue().get("security").toString().contains(RestApiDocumentation.BEARER)) {
                    continue; // the device API: its own credential, checked by its controller
                }
                operations++;
                String method = entry.getKey().toUpperCase(Locale.ROOT);
                String target = path.getKey().replaceAll("\\{[^}]+}", "1");
                boolean body = Set.of("POST", "PUT", "PATCH").contains(method);
                for (Map<String, String> who :
                        List.of(Map.<String, String>of(), Map.of("Authorization", "Bearer " + revoked))) {
                    String caller = who.isEmpty() ? "anonymous" : "a revoked token";
                    for (var query : queries.entrySet()) {
                        var headers = new LinkedHashMap<>(who);
                        String sent = body ? "{}" : null;
                        if (body) {
                            headers.put("Content-Type", "application/json");
                        }
                        expectUnauthenticated(
                                wrong,
                                method,
                                target + query.getValue(),
                                headers,
                                sent,
                                caller + ", " + query.getKey());
                    }
                    if (body) {
                        var wildcard = new LinkedHashMap<>(who);
                        wildcard.put("Content-Type", "*/*");
                        expectUnauthenticated(wrong, method, target, wildcard, "{}", caller + ", Content-Type */*");
                        var form = new LinkedHashMap<>(who);
                        form.put("Content-Type", "application/x-www-form-urlencoded");
                        expectUnauthenticated(
                                wrong, method, target, form, "name=%ZZ&email=%", caller + ", form name=%ZZ");
                    }
                }
            }
        }
        assertThat(operations).isGreaterThan(30);
        assertThat(wrong).isEmpty();
    }

    private void expectUnauthenticated(
            List<String> wrong, String method, String target, Map<String, String> headers, String body, String how)
            throws Exception {
        Answer answer = http.exchange(method, target, headers, body);
        if (answer.status() != 401
                || !isProblem(answer)
                || !answer.body().contains("https://licencedesk.io/problems/unauthenticated")
                || !namesThePathSent(answer, target)) {
            wrong.add(method + " " + abbreviated(target) + " (" + how + "): " + answer.status() + " "
                    + abbreviated(answer.body()));
        }
    }

    /**
     * Past the token, the kind of token is checked before the parameters too (a client's token on a staff operation
     * is the 403 it is without them); the right token gets the 400 naming the parameter, or the 415 for a wildcard
     * Content-Type or a form, as before.
     */
    @Test
    void checksTheKindOfTokenBeforeTheParametersAndThenRefusesThem() throws Exception {
        String client = fixture.token(org.alice());
        Answer clientOnStaff =
                http.exchange("GET", "/api/v1/licences?q=%zz", Map.of("Authorization", "Bearer " + client), null);
        assertThat(clientOnStaff.status()).as(clientOnStaff.toString()).isEqualTo(403);
        assertThat(clientOnStaff.body()).contains("https://licencedesk.io/problems/forbidden");
        Answer manager =
                http.exchange("GET", "/api/v1/licences?q=%zz", Map.of("Authorization", "Bearer " + this.manager), null);
        assertThat(manager.status()).as(manager.toString()).isEqualTo(400);
        assertThat(manager.body()).contains("https://licencedesk.io/problems/bad-parameter");
        for (String contentType : List.of("*/*", "application/x-www-form-urlencoded")) {
            Answer refused = http.exchange(
                    "POST",
                    "/api/v1/licences",
                    Map.of("Authorization", "Bearer " + this.manager, "Content-Type", contentType),
                    "name=%ZZ");
            assertThat(refused.status()).as(contentType + " " + refused).isEqualTo(415);
            assertThat(isProblem(refused)).as(refused.toString()).isTrue();
        }
    }

    /**
     * A Content-Type Spring cannot read (an unknown charset) was told "the request had no Content-Type", which its
     * sender, who sent one, could not act on; the detail names the one sent.
     */
    @Test
    void saysAContentTypeWithAnUnknownCharsetCannotBeReadRatherThanMissing() throws Exception {
        Answer answer = http.exchange(
                "POST",
                "/api/v1/licences",
                Map.of("Authorization", "Bearer " + manager, "Content-Type", "application/json; charset=nonsense"),
                "{}");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(415);
        assertThat(isProblem(answer)).as(answer.toString()).isTrue();
        assertThat(answer.body())
                .doesNotContain("had no Content-Type")
                .contains("Content-Type 'application/json; charset=nonsense' cannot be read");
    }
}
