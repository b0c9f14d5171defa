package io.licencedesk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The served OpenAPI document describes every REST operation, its security, and its problem answers. */
class RestApiDocumentationIntegrationTests extends RestApiSweep {

    @Test
    void describesEveryOperationWithTheTokenScheme() throws Exception {
        String raw =
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode document = JsonMapper.builder().build().readTree(raw);
        assertThat(document.get("openapi").asString()).startsWith("3.1");
        assertThat(document.get("components")
                        .get("securitySchemes")
                        .get("apiToken")
                        .get("scheme")
                        .asString())
                .isEqualTo("bearer");
        List<String> missing = new ArrayList<>();
        for (Operation operation : operations()) {
            JsonNode path = document.get("paths").get(operation.pattern());
            JsonNode described =
                    path == null ? null : path.get(operation.method().name().toLowerCase(Locale.ROOT));
            if (described == null) {
                missing.add(operation + ": not in the document");
            } else if (described.get("security") == null
                    || !described.get("security").toString().contains("apiToken")) {
                missing.add(operation + ": no apiToken security");
            } else if (described.get("summary") == null && described.get("description") == null) {
                missing.add(operation + ": no summary");
            }
        }
        assertThat(missing).isEmpty();
        assertThat(document.get("components")
                        .get("schemas")
                        .get("Licence")
                        .get("properties")
                        .has("billingStatus"))
                .isTrue();
        assertThat(document.get("components")
                        .get("schemas")
                        .get("Money")
                        .get("properties")
                        .get("amount")
                        .get("type")
                        .toString())
                .contains("string");
    }
}
