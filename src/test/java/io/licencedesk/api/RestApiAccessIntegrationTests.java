package io.licencedesk.api;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every operation of the REST API is refused to whoever may not use it, and the refusal changes nothing: no token, a
 * made-up, revoked or expired token (401), a read-only token for a write (403), a token of the wrong role (403), and
 * another organisation's or another client's token on this organisation's objects (404, never a 403 that would
 * confirm they exist).
 */
class RestApiAccessIntegrationTests extends RestApiSweep {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void refusesWhoeverMayNotUseAnOperationAndChangesNothing() throws Exception {
        TestOrganisation other = fixture.organisation();
        String otherOwner = token(other.owner());
        String otherClient = token(other.alice());
        String bob = token(org.bob());
        String readOnlyOwner = fixture.readOnlyToken(org.owner());
        String readOnlyClient = fixture.readOnlyToken(org.alice());
        String revoked = token(org.owner());
        jdbc.sql("update api_token set revoked_at = current_timestamp where prefix = ? and user_id = ?")
                .param(revoked.substring(0, 15))
                .param(org.owner().userId())
                .update();
        String expired = token(org.owner());
        jdbc.sql("update api_token set expires_at = timestamp '2020-01-01 00:00:00' where prefix = ? and user_id = ?")
                .param(expired.substring(0, 15))
                .param(org.owner().userId())
                .update();
        String owner = token(org.owner());
        String client = token(org.alice());
        List<Object> before = state();
        List<String> wrong = new ArrayList<>();

        for (Operation operation : operations()) {
            expect(wrong, operation, "no token", status(operation, null), 401);
            expect(wrong, operation, "a made-up token", status(operation, "ldk_live_" + "x".repeat(43)), 401);
            expect(wrong, operation, "a revoked token", status(operation, revoked), 401);
            expect(wrong, operation, "an expired token", status(operation, expired), 401);
            if (operation.portal()) {
                expect(wrong, operation, "a staff token", status(operation, owner), 403);
                if (operation.write()) {
                    expect(wrong, operation, "a read-only token", status(operation, readOnlyClient), 403);
                }
                if (operation.onAnObject()) {
                    expect(wrong, operation, "another client's token", status(operation, bob), 404);
                    expect(wrong, operation, "another organisation's client", status(operation, otherClient), 404);
                }
            } else {
                expect(wrong, operation, "a client's token", status(operation, client), 403);
                if (operation.write()) {
                    expect(wrong, operation, "a read-only token", status(operation, readOnlyOwner), 403);
                }
                if (operation.onAnObject()) {
                    expect(wrong, operation, "another organisation's owner", status(operation, otherOwner), 404);
                } else if (operation.pattern().equals("/api/v1/invoices/send")) {
                    int status = status(operation, otherOwner);
                    if (status < 400 || status >= 500) {
                        wrong.add(operation + " by another organisation's owner: " + status);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(state()).isEqualTo(before);
    }

    /**
     * An object of another organisation or another client is not found (404) whatever the body sent with it says, as
     * docs/api.md orders the answers: voiding another organisation's invoice without a reason, and registering or
     * renaming a screen with no name on another client's licence, were answered the 422 its own people get, before
     * anything was looked up. Each body here is refused 422 to the object's own people, and nothing changes.
     */
    @Test
    void anObjectOfAnotherOrganisationOrClientIsNotFoundWhateverTheBodySays() throws Exception {
        TestOrganisation other = fixture.organisation();
        String otherOwner = token(other.owner());
        String otherClient = token(other.alice());
        String bob = token(org.bob());
        String owner = token(org.owner());
        String alice = token(org.alice());
        List<Object> before = state();
        List<String> wrong = new ArrayList<>();
        int swept = 0;

        for (Operation operation : operations()) {
            String refusedBody = refusedBody(operation.pattern());
            if (operation.body() == null || !operation.onAnObject() || refusedBody == null) {
                continue;
            }
            swept++;
            Operation refused = new Operation(
                    operation.method(), operation.pattern(), operation.path(), refusedBody, operation.portal());
            if (operation.portal()) {
                expect(wrong, refused, "its client's token", status(refused, alice), 422);
                expect(wrong, refused, "another client's token", status(refused, bob), 404);
                expect(wrong, refused, "another organisation's client", status(refused, otherClient), 404);
            } else {
                expect(wrong, refused, "its owner's token", status(refused, owner), 422);
                expect(wrong, refused, "another organisation's owner", status(refused, otherOwner), 404);
            }
        }
        assertThat(swept).isEqualTo(9);
        assertThat(wrong).isEmpty();
        assertThat(state()).isEqualTo(before);
    }

    /** A body the rules refuse (422) for every operation on an object that takes one. */
    private static String refusedBody(String pattern) {
        return switch (pattern) {
            case "/api/v1/licences/{id}" -> "{\"quantity\": 0}";
            case "/api/v1/licences/{id}/auto-renew" -> "{}";
            case "/api/v1/clients/{id}" -> "{\"email\": \"not an address\"}";
            case "/api/v1/plans/{id}" -> "{\"term\": \"P1W\"}";
            case "/api/v1/webhook-endpoints/{id}" -> "{\"eventTypes\": []}";
            case "/api/v1/invoices/{id}/pay" -> "{\"reference\": \"%s\"}".formatted("r".repeat(101));
            case "/api/v1/invoices/{id}/void" -> "{\"reason\": \"\"}";
            case "/api/v1/portal/licences/{id}/screens", "/api/v1/portal/licences/{id}/screens/{screenId}" ->
                "{\"name\": \"\"}";
            default -> null;
        };
    }

    /**
     * A 403 for the wrong kind of token says which kind the operation is for: every one said "their role does not
     * allow it", leaving a developer with a client's token on a staff operation to guess.
     */
    @Test
    void saysWhichTokensAnOperationIsFor() throws Exception {
        String client = token(org.alice());
        String owner = token(org.owner());
        String manager = token(org.manager());
        assertThat(forbidden(get("/api/v1/licences"), client))
                .isEqualTo("This operation is for staff tokens; a client's token uses the portal's operations,"
                        + " /api/v1/portal/….");
        assertThat(forbidden(get("/api/v1/portal/licences"), owner))
                .isEqualTo("This operation is for a client's token (the portal's operations, /api/v1/portal/…); a"
                        + " staff token uses the others.");
        assertThat(forbidden(
                        post("/api/v1/plans")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body("/api/v1/plans")),
                        manager))
                .isEqualTo("Only an owner's token may create or change plans.");
    }

    /**
     * Every operation of the served document, sent with a token of each kind (an owner's, an account manager's, a
     * client's, all read and write): whenever one is refused 403 {@code forbidden}, its words name the kind of token
     * that the operation took. The words were chosen from the path beside the rules, and a client's token on a plan's
     * write was told the operation "is for staff tokens", when a manager's is refused there too; the words and the
     * rule now come from one table (ApiTokenKinds), and a rule changed without its words fails here.
     */
    @Test
    void namesTheKindOfTokenEachOperationOfTheDocumentTakesWhenRefusingAnother() throws Exception {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("owner", token(org.owner()));
        tokens.put("manager", token(org.manager()));
        tokens.put("client", token(org.alice()));
        Map<Set<String>, String> words = Map.of(
                Set.of("client"), "This operation is for a client's token",
                Set.of("owner", "manager"), "This operation is for staff tokens",
                Set.of("owner"), "Only an owner's token may");
        JsonNode document = JSON.readTree(
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        List<String> wrong = new ArrayList<>();
        int operations = 0;
        for (var path : document.get("paths").properties()) {
            for (var entry : path.getValue().properties()) {
                JsonNode operation = entry.getValue();
                if (!operation.has("security")
                        || !operation.get("security").toString().contains(RestApiDocumentation.BEARER)) {
                    continue; // the device API: a device credential, not a token
                }
                operations++;
                HttpMethod method = HttpMethod.valueOf(entry.getKey().toUpperCase(Locale.ROOT));
                String refused = method + " " + path.getKey();
                Map<String, String> forbidden = new LinkedHashMap<>();
                for (var token : tokens.entrySet()) {
                    MockHttpServletResponse response = mvc.perform(
                                    documented(method, path.getKey()).with(bearer(token.getValue())))
                            .andReturn()
                            .getResponse();
                    if (response.getStatus() != 403) {
                        continue;
                    }
                    JsonNode problem = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
                    if (!problem.get("type").asString().equals("https://licencedesk.io/problems/forbidden")) {
                        wrong.add(refused + " with " + token.getKey() + "'s token: " + problem);
                    }
                    forbidden.put(token.getKey(), problem.get("detail").asString());
                }
                Set<String> taken = new HashSet<>(tokens.keySet());
                taken.removeAll(forbidden.keySet());
                String expected = words.get(taken);
                if (expected == null) {
                    wrong.add(refused + " is taken with the tokens of " + taken + ", which no words say");
                    continue;
                }
                forbidden.forEach((kind, detail) -> {
                    if (!detail.startsWith(expected)) {
                        wrong.add(refused + " takes the tokens of " + taken + " but told " + kind + "'s: " + detail);
                    }
                });
            }
        }
        assertThat(operations).isGreaterThan(30);
        assertThat(wrong).isEmpty();
    }

    /** The operation at its documented path, filled with this organisation's objects, with a body it takes. */
    private MockHttpServletRequestBuilder documented(HttpMethod method, String pattern) {
        String path = pattern.replace("{screenId}", Long.toString(screenId))
                .replace("/invoices/{id}", "/invoices/" + invoiceId)
                .replace("/plans/{id}", "/plans/" + plan.id())
                .replace("/clients/{id}", "/clients/" + org.alice().userId())
                .replace("/webhook-endpoints/{id}", "/webhook-endpoints/" + webhookEndpointId)
                .replace("{id}", Long.toString(licenceId));
        MockHttpServletRequestBuilder request = request(method, path);
        String body = Set.of(HttpMethod.POST, HttpMethod.PATCH, HttpMethod.PUT).contains(method) ? body(pattern) : null;
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return request;
    }

    private String forbidden(MockHttpServletRequestBuilder request, String token) throws Exception {
        MockHttpServletResponse response =
                mvc.perform(request.with(bearer(token))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(403);
        JsonNode problem = JsonMapper.builder().build().readTree(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(problem.get("type").asString()).isEqualTo("https://licencedesk.io/problems/forbidden");
        return problem.get("detail").asString();
    }

    private static void expect(List<String> wrong, Operation operation, String who, int status, int expected) {
        if (status != expected) {
            wrong.add(operation + " with " + who + ": " + status + " (expected " + expected + ")");
        }
    }
}
