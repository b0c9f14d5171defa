package io.licencedesk.api;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every POST of the REST API (found from the controllers, so a new one is swept too) sent once by its rightful caller
 * with an Idempotency-Key: no answer kept for a replay holds a secret in plain text (decision 0170). A secret is any
 * string an answer gives under a name ending in secret, credential, token or password; the webhook endpoints' signing
 * secrets are kept sealed with the key-encryption key, a screen's device credential is not kept at all. Before, the
 * answers of a webhook endpoint's creation and of a roll of its secret were kept as sent, for a day.
 */
class KeptAnswersHoldNoSecretIntegrationTests extends RestApiSweep {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Pattern SECRET_FIELD = Pattern.compile("(?i).*(secret|credential|token|password)");

    /** The prefixes of the secrets LicenceDesk makes: signing secrets, device credentials, API tokens. */
    private static final List<String> SECRET_PREFIXES = List.of("whsec_", "lds_", "ldk_");

    @Test
    void noAnswerKeptForAReplayHoldsASecretInPlainText() throws Exception {
        String owner = token(org.owner());
        String client = token(org.alice());
        Map<String, List<String>> secretsByOperation = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>();
        for (Operation operation : operations()) {
            if (operation.method() != HttpMethod.POST || operation.pattern().startsWith("/api/v1/device/")) {
                continue;
            }
            String key = "sweep-" + org.id() + "-" + keys.size();
            keys.add(key);
            var request = request(operation.method(), operation.path())
                    .header("Idempotency-Key", key)
                    .with(bearer(operation.portal() ? client : owner));
            if (operation.body() != null) {
                request.contentType(MediaType.APPLICATION_JSON).content(operation.body());
            }
            MockHttpServletResponse answer = mvc.perform(request).andReturn().getResponse();
            List<String> secrets = new ArrayList<>();
            String text = answer.getContentAsString(StandardCharsets.UTF_8);
            if (text.startsWith("{")) {
                collectSecrets(JSON.readTree(text), secrets);
            }
            if (!secrets.isEmpty()) {
                secretsByOperation.put(operation.toString(), secrets);
            }
        }
        // The sweep met every answer that carries a secret today, and each one's secret.
        assertThat(secretsByOperation)
                .containsOnlyKeys(
                        "POST /api/v1/webhook-endpoints",
                        "POST /api/v1/webhook-endpoints/{id}/roll-secret",
                        "POST /api/v1/portal/licences/{id}/screens");

        List<String> kept = new ArrayList<>();
        for (String key : keys) {
            jdbc.sql("select answer_body from idempotency_key where key_text = ?")
                    .param(key)
                    .query((rs, n) -> rs.getBytes("answer_body"))
                    .optional()
                    .filter(body -> body != null)
                    .ifPresent(body -> kept.add(new String(body, StandardCharsets.ISO_8859_1)));
        }
        assertThat(kept).hasSizeGreaterThan(10);
        for (String answer : kept) {
            for (List<String> secrets : secretsByOperation.values()) {
                for (String secret : secrets) {
                    assertThat(answer).doesNotContain(secret);
                }
            }
            for (String prefix : SECRET_PREFIXES) {
                assertThat(answer).doesNotContain(prefix);
            }
        }
    }

    private static void collectSecrets(JsonNode node, List<String> secrets) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (field.getValue().isString()
                    && SECRET_FIELD.matcher(field.getKey()).matches()) {
                secrets.add(field.getValue().asString());
            } else if (field.getValue().isObject()) {
                collectSecrets(field.getValue(), secrets);
            }
        }
    }
}
