package io.licencedesk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.licencedesk.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The served document says what a body must hold. Creating a client or a plan shared its schema with changing one, so
 * nothing was required and a generated client let a program send a client without a name; creation has its own
 * schema now. The auto-renew choice must be sent, even as null.
 */
@IntegrationTest
class RequestSchemasDocumentationIntegrationTests {

    @Autowired
    MockMvc mvc;

    JsonNode document;

    @BeforeEach
    void readTheDocument() throws Exception {
        String raw =
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        document = JsonMapper.builder().build().readTree(raw);
    }

    JsonNode body(String path, String method) {
        String reference = document.get("paths")
                .get(path)
                .get(method)
                .get("requestBody")
                .get("content")
                .get("application/json")
                .get("schema")
                .get("$ref")
                .asString();
        return document.get("components").get("schemas").get(reference.substring(reference.lastIndexOf('/') + 1));
    }

    static List<String> required(JsonNode schema) {
        List<String> required = new ArrayList<>();
        if (schema.has("required")) {
            schema.get("required").forEach(name -> required.add(name.asString()));
        }
        return required;
    }

    @Test
    void creatingAClientOrAPlanRequiresWhatItMustHave() {
        assertThat(required(body("/api/v1/clients", "post"))).containsExactlyInAnyOrder("name", "email");
        assertThat(required(body("/api/v1/plans", "post"))).containsExactlyInAnyOrder("name", "term", "unitPrice");
        assertThat(required(body("/api/v1/licences", "post"))).containsExactlyInAnyOrder("planId", "name", "quantity");
    }

    @Test
    void changingOneStillTakesAnyOfItsFields() {
        assertThat(required(body("/api/v1/clients/{id}", "patch"))).isEmpty();
        assertThat(required(body("/api/v1/plans/{id}", "patch"))).isEmpty();
        assertThat(body("/api/v1/clients/{id}", "patch").get("properties").has("company"))
                .isTrue();
    }

    @Test
    void theAutoRenewChoiceIsRequiredAndMayBeNull() {
        JsonNode choice = body("/api/v1/licences/{id}/auto-renew", "put");
        assertThat(required(choice)).containsExactly("autoRenew");
        assertThat(choice.get("properties").get("autoRenew").get("type").toString())
                .contains("boolean")
                .contains("null");
    }
}
